import type { Conversation, Message } from '../../../../shared/domain';
import { EXPORT_CSS } from './exportStyle';
import type { ExportLabels } from './labels';
import { escapeHtml, markdownToSafeHtml } from './markdownHtml';

/**
 * The visible branch as one self-contained HTML page, shown as the app shows it: answers
 * rendered from their Markdown (raw HTML in them shown as text, never as markup), questions and
 * thinking as typed, attached images shown and documents linked for download from `files`
 * (data URLs by attachment id; a file too large to embed is named only). The
 * stylesheet is inline and a CSP forbids scripts and remote loads (images only from data URLs).
 */
export function toHtml(
  conversation: Conversation,
  path: readonly Message[],
  labels: ExportLabels,
  locale: string,
  files: ReadonlyMap<string, string> = new Map(),
): string {
  const title = escapeHtml(conversation.title || labels.untitled);
  const items = path
    .filter((m) => m.role !== 'system')
    .map((m) => {
      const who = m.role === 'user' ? labels.you : m.model ? `${labels.assistant} · ${m.model}` : labels.assistant;
      const thinking =
        m.reasoning.trim() !== ''
          ? `<details><summary>${escapeHtml(labels.thinking)}</summary><div class="text plain">${escapeHtml(m.reasoning.trim())}</div></details>`
          : '';
      const time = new Date(m.createdAt);
      return `<article class="${m.role}"><header><strong>${escapeHtml(who)}</strong> <time datetime="${time.toISOString()}">${escapeHtml(
        time.toLocaleString(locale),
      )}</time></header>${thinking}${body(m, labels, files)}</article>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${EXPORT_CSS}</style>
</head>
<body>
<h1 class="title">${title}</h1>
<p class="exported">${escapeHtml(labels.exported)} · ${escapeHtml(new Date(conversation.createdAt).toLocaleString(locale))}</p>
${items}
</body>
</html>
`;
}

function body(m: Message, labels: ExportLabels, urls: ReadonlyMap<string, string>): string {
  const text =
    m.role === 'assistant' ? `<div class="text">${markdownToSafeHtml(m.content)}</div>` : `<div class="text plain">${escapeHtml(m.content)}</div>`;
  const files = m.attachments ?? [];
  if (files.length === 0) return text;
  const pictures = files
    .filter((f) => f.kind === 'image' && urls.has(f.id))
    .map((f) => `<figure class="image"><img src="${escapeHtml(urls.get(f.id)!)}" alt="${escapeHtml(f.name)}"></figure>`)
    .join('');
  const names = files.map((f) => {
    const url = urls.get(f.id);
    const name = `<code>${escapeHtml(f.name)}</code>`;
    return url && f.kind === 'document' ? `<a href="${escapeHtml(url)}" download="${escapeHtml(f.name)}">${name}</a>` : name;
  });
  return `${text}${pictures}<p class="attached">${escapeHtml(labels.attached)}: ${names.join(', ')}</p>`;
}
