import type { UpdateUnsupportedReason } from '../../../shared/contract/updates';
import { type UpdateEngine, UpdateFailure } from './engine';

/** The engine of a Brook that cannot update itself (browser mode, a dev run, a portable build): it says why. */
export function unsupportedEngine(reason: UpdateUnsupportedReason): UpdateEngine {
  const refuse = (): never => {
    throw new UpdateFailure('unknown', `updates are not available here (${reason})`);
  };
  return { unsupportedReason: reason, check: refuse, download: refuse, installNow: refuse, installOnQuit: refuse };
}
