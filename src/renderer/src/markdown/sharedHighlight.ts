import rehypeHighlight from 'rehype-highlight';

type Transformer = ReturnType<typeof rehypeHighlight>;
let shared: Transformer | null = null;

/**
 * rehype-highlight builds a fresh lowlight instance (registering ~40 grammars, compiling them
 * again on first use) every time a processor attaches it, and react-markdown makes a processor
 * per render. One transformer for the whole app keeps the compiled grammars.
 */
export function sharedHighlight(): Transformer {
  shared ??= rehypeHighlight({ detect: false });
  return shared;
}
