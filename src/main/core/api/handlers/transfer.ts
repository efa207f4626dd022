import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** Export and import. */
export const transferHandlers = (d: HandlerDeps) =>
  ({
    'transfer.exportConversation': ({ id, format }) => d.transfer.exportConversation(id, format),
    'transfer.exportAll': ({ exportId, part }) => d.transfer.exportAll(exportId, part, (p) => d.bus.emit('transfer.progress', p)),
    'transfer.importChunk': async ({ uploadId, index, last, text, total }) => {
      const result = await d.transfer.importChunk(uploadId, index, last, text, total, (p) => d.bus.emit('transfer.progress', p));
      if (!result) return null;
      const { touchedIds, ...summary } = result as typeof result & { touchedIds?: string[] };
      // Every window lists what arrived (created, or grown by new messages).
      if (touchedIds && touchedIds.length > 0) d.bus.emit('conversations.imported', { ids: touchedIds });
      if (summary.format === 'brook') d.bus.emit('assistants.changed', { assistants: d.assistants.list() });
      return summary;
    },
    'transfer.cancelImport': ({ uploadId }) => d.transfer.cancelImport(uploadId),
  }) satisfies Partial<Handlers>;
