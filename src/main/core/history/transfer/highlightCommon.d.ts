/**
 * The part of highlight.js the HTML export uses. highlight.js's own typings pull in the DOM
 * lib (`/// <reference lib="dom" />`), which would give all main-process code browser globals
 * without their iterables; tsconfig.node.json points the module here instead.
 */
interface HighlightResult {
  /** HTML: the code escaped, tokens wrapped in `<span class="hljs-…">`. */
  value: string;
}

declare const hljs: {
  getLanguage(name: string): object | undefined;
  highlight(code: string, options: { language: string; ignoreIllegals?: boolean }): HighlightResult;
};
export default hljs;
