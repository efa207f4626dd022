/**
 * streaming: one live answer per conversation. StreamManager runs it (cancellation, idle
 * timeout, fan-out, late attach); AnswerStreams joins the persistence listener (AnswerRecorder:
 * checkpoints into history) and the window listener (WindowStream: the one batching step, and
 * the only code that tells windows about an answer). Uses base, providers and history.
 */
export { AnswerRecorder, type RecorderOptions } from './answerRecorder';
export { AnswerStreams, type AnswerSource, type AnswerStreamsOptions } from './answerStreams';
export {
  DEFAULT_IDLE_TIMEOUT_MS,
  StreamManager,
  type StreamListener,
  type StreamManagerOptions,
  type StreamOutcome,
  type StreamState,
} from './StreamManager';
export { DEFAULT_WINDOW_BATCH_MS, WindowStream } from './windowListener';
