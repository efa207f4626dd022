import { lazyPart } from './lazyPart';

/**
 * What the quick-ask window's first screen does not draw, in chunks of their own (issue #13,
 * cold start): the window is created on its first show and shown once the files its page names
 * have run, so those files hold the question box, the top bar and the empty thread only. The
 * model picker is fetched right after the first paint, to be there when the providers it lists
 * arrive; the message list (the markdown and highlighting stack, and the contract's schemas
 * that editing a question uses) once the window is ready and idle, before a first answer.
 */
const picker = lazyPart(() => import('./QuickModelPicker').then((m) => m.QuickModelPicker));
const list = lazyPart(() => import('../components/messages/MessageList').then((m) => m.MessageList));

export const LazyModelPicker = picker.Part;
export const LazyMessageList = list.Part;

/** Right after the first paint: the model picker, drawn as soon as the providers are known. */
export function loadAfterFirstPaint(): void {
  void picker.load();
}

let listRequested = false;

/** Once the window is ready: the message list, when the window has nothing else to do. */
export function loadWhenReady(): void {
  if (listRequested) return;
  listRequested = true;
  const load = () => void list.load();
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
