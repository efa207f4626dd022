import type { Handlers } from '../../../../shared/contract';
import type { ImportResult } from '../../../../shared/domain';
import type { HandlerDeps } from '../deps';

/** Export and import. */
export const transferHandlers = (d: HandlerDeps) =>
  ({
    'transfer.exportConversation': ({ id, format }) => d.transfer.exportConversation(id, format),
    'transfer.exportAll': ({ exportId, part }) => d.transfer.exportAll(exportId, part, (p) => d.bus.emit('transfer.progress', p)),
    'transfer.importChunk': async ({ uploadId, index, last, text, total }) =>
      announce(d, await d.transfer.importChunk(uploadId, index, last, text, total, (p) => d.bus.emit('transfer.progress', p))),
    'transfer.importZipPart': async ({ uploadId, index, last, data, size }) =>
      announce(d, await d.transfer.importZipPart(uploadId, index, last, Buffer.from(data, 'base64'), size, (p) => d.bus.emit('transfer.progress', p))),
    'transfer.cancelImport': ({ uploadId }) => d.transfer.cancelImport(uploadId),
  }) satisfies Partial<Handlers>;

/** A finished import's summary, after telling every window what arrived. */
function announce(d: HandlerDeps, result: (ImportResult & { touchedIds?: string[] }) | null): ImportResult | null {
  if (!result) return null;
  const { touchedIds, ...summary } = result;
  // Every window lists what arrived (created, or grown by new messages).
  if (touchedIds && touchedIds.length > 0) d.bus.emit('conversations.imported', { ids: touchedIds });
  if (summary.format === 'brook') d.bus.emit('assistants.changed', { assistants: d.assistants.list() });
  return summary;
}
