import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** Export and import. */
export const transferHandlers = (d: HandlerDeps) =>
  ({
    'transfer.exportConversation': ({ id, format }) => d.transfer.exportConversation(id, format),
    'transfer.exportAll': ({ exportId, part }) => d.transfer.exportAll(exportId, part),
    'transfer.importChunk': ({ uploadId, index, last, text }) => {
      const result = d.transfer.importChunk(uploadId, index, last, text);
      if (!result) return null;
      const { touchedIds, ...summary } = result as typeof result & { touchedIds?: string[] };
      // Every window lists what arrived (created, or grown by new messages).
      if (touchedIds && touchedIds.length > 0) d.bus.emit('conversations.imported', { ids: touchedIds });
      if (summary.format === 'brook') d.bus.emit('assistants.changed', { assistants: d.assistants.list() });
      return summary;
    },
  }) satisfies Partial<Handlers>;
