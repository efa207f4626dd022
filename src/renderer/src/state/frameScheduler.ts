import type { FrameScheduler } from './streamBatcher';

/** Hidden windows get no animation frames; this much later a timer applies the batch anyway. */
const FALLBACK_MS = 250;

/** Runs `flush` on the next animation frame (or after a short timeout if frames are paused). */
export const nextFrame: FrameScheduler = (flush) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    flush();
  };
  const timer = setTimeout(run, FALLBACK_MS);
  requestAnimationFrame(run);
};
