import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** Uploading files in parts, and what windows read of them: details, thumbnails, document text. */
export const attachmentHandlers = (d: HandlerDeps) =>
  ({
    'attachments.begin': ({ name, size }) => d.attachments.begin(name, size),
    'attachments.part': async ({ uploadId, index, data }) => ({ receivedBytes: await d.attachments.part(uploadId, index, data) }),
    'attachments.finish': ({ uploadId }) => d.attachments.finish(uploadId),
    'attachments.cancel': async ({ uploadId }) => {
      await d.attachments.cancel(uploadId);
      return null;
    },
    'attachments.get': ({ id }) => d.attachments.get(id),
    'attachments.thumbnail': ({ id, size }) => d.attachments.thumbnail(id, size),
    'attachments.text': ({ id }) => d.attachments.text(id),
  }) satisfies Partial<Handlers>;
