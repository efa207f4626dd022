import type { Conversation, Message } from '../../../../shared/domain';
import type { ExportLabels } from './labels';

/**
 * The visible branch as Markdown: answers as the model wrote them, questions as typed. The
 * attached files travel inside the one .md file as data URLs (`files`, by attachment id):
 * images shown, documents linked; a file too large to embed is named only.
 */
export function toMarkdown(
  conversation: Conversation,
  path: readonly Message[],
  labels: ExportLabels,
  locale: string,
  files: ReadonlyMap<string, string> = new Map(),
): string {
  const out = [`# ${oneLine(conversation.title) || labels.untitled}`, ''];
  out.push(`*${labels.exported} · ${new Date(conversation.createdAt).toLocaleString(locale)}*`, '');
  for (const m of path) {
    if (m.role === 'system') continue;
    const who = m.role === 'user' ? labels.you : m.model ? `${labels.assistant} · ${m.model}` : labels.assistant;
    out.push(`## ${who}`, '');
    if (m.reasoning.trim() !== '') {
      out.push(`> **${labels.thinking}**`, '>');
      for (const line of m.reasoning.trim().split(/\r?\n/)) out.push(line === '' ? '>' : `> ${line}`);
      out.push('');
    }
    out.push(m.content.trimEnd(), '');
    const attached = m.attachments ?? [];
    for (const f of attached) {
      const url = files.get(f.id);
      if (url && f.kind === 'image') out.push(`![${linkText(f.name)}](${url})`, '');
    }
    if (attached.length > 0) {
      const names = attached.map((f) => {
        const url = files.get(f.id);
        return url && f.kind === 'document' ? `[${linkText(f.name)}](${url})` : `\`${f.name.replace(/`/g, "'")}\``;
      });
      out.push(`*${labels.attached}:* ${names.join(', ')}`, '');
    }
  }
  return out.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A file name as the text of a link or image: brackets and backslashes escaped, on one line. */
function linkText(name: string): string {
  return oneLine(name).replace(/[\\[\]]/g, (c) => `\\${c}`);
}
