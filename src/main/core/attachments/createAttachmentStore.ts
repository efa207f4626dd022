import type { EventBus } from '../base';
import type { HistoryStore } from '../history';
import { AttachmentStore } from './AttachmentStore';

/** How often files of purged messages are looked for (purges happen seconds after a delete's Undo window). */
const SWEEP_INTERVAL_MS = 60_000;
/** The first sweep is a write transaction: not while the first window is loading (issue #13, cold start). */
const FIRST_SWEEP_DELAY_MS = 5_000;

/** The app's attachment store: events to the windows, and a sweep soon after start and every minute for files no message uses. */
export function createAttachmentStore(
  dataDir: string,
  history: HistoryStore,
  bus: EventBus,
  options: { now?: () => number; log?: (message: string) => void } = {},
): AttachmentStore {
  const store = new AttachmentStore({
    dataDir,
    db: () => history.database,
    events: {
      progress: (attachmentId, done, total) => bus.emit('attachments.progress', { attachmentId, done, total }),
      updated: (attachment) => bus.emit('attachments.updated', attachment),
    },
    ...options,
  });
  const sweep = () => {
    try {
      store.sweep();
    } catch (err) {
      options.log?.(`attachment sweep failed: ${String(err)}`);
    }
  };
  const first = setTimeout(sweep, FIRST_SWEEP_DELAY_MS);
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  first.unref();
  timer.unref();
  store.onClose(() => {
    clearTimeout(first);
    clearInterval(timer);
  });
  return store;
}
