import { lazyPart } from './lazyPart';

/**
 * What the quick-ask window's first screen does not draw, in chunks of their own (issue #13,
 * cold start): the window is created on its first show and shown once the files its page names
 * have run, so those files hold the question box, the top bar and the empty thread only. The
 * model picker is fetched as the first screen is painted, to be there when the providers it
 * lists arrive; the message list (the markdown and highlighting stack, and the contract's schemas
 * that editing a question uses) once the window is ready and idle, before a first answer.
 */
const picker = lazyPart(() => import('./QuickModelPicker').then((m) => m.QuickModelPicker));

/** The thread while it loads (also while the list's chunk is still on its way). */
export const threadLoading = (
  <div className="pane__loading" aria-busy="true">
    <span className="spinner" />
  </div>
);

const list = lazyPart(() => import('../components/messages/MessageList').then((m) => m.MessageList), threadLoading);

export const LazyModelPicker = picker.Part;
export const LazyMessageList = list.Part;

/**
 * As the first screen is painted: the model picker, small, to be in before the window's state.
 * Asked for after the paint (a passive effect), it often came a little after the state, and the
 * picker appeared a frame or more later than the rest.
 */
export function loadAtFirstPaint(): void {
  void picker.load();
}

let listRequested = false;

/**
 * Once the window is ready: the message list, when the window has nothing else to do after the
 * frame that shows its state. Asked for idle time at once, the chunk's compiling (hundreds of
 * milliseconds on a busy machine) could take the idle moment before that frame and hold it back.
 */
export function loadWhenReady(): void {
  if (listRequested) return;
  listRequested = true;
  const load = () => void list.load();
  requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
    else setTimeout(load, 200);
  });
}
