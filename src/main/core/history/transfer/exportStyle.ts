/**
 * The exported page's whole stylesheet, inlined so the file stands alone (its CSP allows no
 * remote load). Colours follow the reader's system theme; code colours match the app's.
 */
export const EXPORT_CSS = `
:root { --fg: #1f2328; --muted: #6e7781; --bg: #fff; --soft: #f3f4f6; --code-bg: #f6f8fa; --border: #d0d7de; --link: #0969da;
  --hl-keyword: #cf222e; --hl-string: #0a3069; --hl-number: #0550ae; --hl-comment: #6e7781; --hl-title: #8250df;
  --hl-attr: #953800; --hl-builtin: #0550ae; --hl-meta: #116329; --hl-deletion: #cf222e; color-scheme: light dark; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #8b949e; --bg: #0d1117; --soft: #161b22; --code-bg: #161b22; --border: #30363d; --link: #4493f8;
    --hl-keyword: #ff7b72; --hl-string: #a5d6ff; --hl-number: #79c0ff; --hl-comment: #8b949e; --hl-title: #d2a8ff;
    --hl-attr: #ffa657; --hl-builtin: #79c0ff; --hl-meta: #7ee787; --hl-deletion: #ffa198; }
}
body { font: 15px/1.6 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: var(--fg); background: var(--bg); }
h1.title { font-size: 1.5rem; } .exported { color: var(--muted); font-size: 0.85rem; }
article { margin: 1.25rem 0; padding: 0.75rem 1rem; border-radius: 10px; }
article.user { background: var(--soft); }
article > header { font-size: 0.85rem; color: var(--muted); margin-bottom: 0.35rem; } article > header strong { color: inherit; }
.text { overflow-wrap: anywhere; } .text.plain { white-space: pre-wrap; } .text > :first-child { margin-top: 0; } .text > :last-child { margin-bottom: 0; }
.text h1, .text h2, .text h3, .text h4 { line-height: 1.3; margin: 1.1em 0 0.5em; }
.text h1 { font-size: 1.35rem; } .text h2 { font-size: 1.2rem; } .text h3 { font-size: 1.05rem; }
a { color: var(--link); }
blockquote { margin: 0.75em 0; padding: 0 0.9em; color: var(--muted); border-left: 3px solid var(--border); }
table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; margin: 0.75em 0; }
th, td { border: 1px solid var(--border); padding: 0.3em 0.7em; overflow-wrap: normal; word-break: normal; }
th { background: var(--soft); }
code { font: 0.9em/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
.code-block { margin: 0.75em 0; border: 1px solid var(--border); border-radius: 8px; background: var(--code-bg); overflow: hidden; }
.code-lang { font-size: 0.75rem; color: var(--muted); padding: 0.3em 0.8em; border-bottom: 1px solid var(--border); }
pre { margin: 0; padding: 0.7em 0.9em; overflow-x: auto; } pre code { padding: 0; background: none; overflow-wrap: normal; }
details { color: var(--muted); margin-bottom: 0.5rem; }
.hljs-keyword, .hljs-selector-tag, .hljs-literal, .hljs-doctag { color: var(--hl-keyword); }
.hljs-string, .hljs-regexp, .hljs-template-tag { color: var(--hl-string); }
.hljs-number, .hljs-variable, .hljs-template-variable, .hljs-operator { color: var(--hl-number); }
.hljs-comment, .hljs-quote { color: var(--hl-comment); font-style: italic; }
.hljs-title, .hljs-section { color: var(--hl-title); }
.hljs-attr, .hljs-attribute, .hljs-property, .hljs-params, .hljs-symbol, .hljs-selector-class, .hljs-selector-id { color: var(--hl-attr); }
.hljs-built_in, .hljs-type, .hljs-name, .hljs-tag, .hljs-link { color: var(--hl-builtin); }
.hljs-meta, .hljs-addition, .hljs-bullet { color: var(--hl-meta); }
.hljs-deletion { color: var(--hl-deletion); } .hljs-emphasis { font-style: italic; } .hljs-strong { font-weight: 600; }
.image { margin: 8px 0; } .image img { max-width: 100%; height: auto; border-radius: 6px; }
`;
