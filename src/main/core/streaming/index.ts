/**
 * streaming: one live answer per conversation (StreamManager: cancellation, idle timeout,
 * fan-out, late attach), the window listener that batches deltas for windows, and the
 * persistence listener that checkpoints the answer into history. Uses base, providers, history.
 */
export { persistenceListener, type PersistenceOptions } from './persistenceListener';
export {
  DEFAULT_IDLE_TIMEOUT_MS,
  StreamManager,
  type StreamListener,
  type StreamManagerOptions,
  type StreamOutcome,
  type StreamState,
} from './StreamManager';
export { BatchedForwarder } from './windowListener';
