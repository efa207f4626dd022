import type { Conversation, Message } from '../../../../shared/domain';
import type { ExportLabels } from './labels';

/**
 * The visible branch as one self-contained HTML page. Every text is escaped and shown as
 * written (model output is never HTML), and the page forbids scripts and remote loads.
 */
export function toHtml(conversation: Conversation, path: readonly Message[], labels: ExportLabels, locale: string): string {
  const title = escapeHtml(conversation.title || labels.untitled);
  const items = path
    .filter((m) => m.role !== 'system')
    .map((m) => {
      const who = m.role === 'user' ? labels.you : m.model ? `${labels.assistant} · ${m.model}` : labels.assistant;
      const thinking =
        m.reasoning.trim() !== ''
          ? `<details><summary>${escapeHtml(labels.thinking)}</summary><div class="text">${escapeHtml(m.reasoning.trim())}</div></details>`
          : '';
      const time = new Date(m.createdAt);
      return `<article class="${m.role}"><header><strong>${escapeHtml(who)}</strong> <time datetime="${time.toISOString()}">${escapeHtml(
        time.toLocaleString(locale),
      )}</time></header>${thinking}<div class="text">${escapeHtml(m.content)}</div></article>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { font: 15px/1.6 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #e6edf3; background: #0d1117; } article.user { background: #161b22; } }
h1 { font-size: 1.5rem; } .exported { color: #777; font-size: 0.85rem; }
article { margin: 1.25rem 0; padding: 0.75rem 1rem; border-radius: 10px; }
article.user { background: #f3f4f6; }
header { font-size: 0.85rem; color: #777; margin-bottom: 0.35rem; } header strong { color: inherit; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
details { color: #777; margin-bottom: 0.5rem; }
</style>
</head>
<body>
<h1>${title}</h1>
<p class="exported">${escapeHtml(labels.exported)} · ${escapeHtml(new Date(conversation.createdAt).toLocaleString(locale))}</p>
${items}
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
