import type { Conversation, Message } from '../../../../shared/domain';
import type { ExportLabels } from './labels';

/** The visible branch as Markdown: answers as the model wrote them, questions as typed. */
export function toMarkdown(conversation: Conversation, path: readonly Message[], labels: ExportLabels, locale: string): string {
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
    // The files are named (the export carries text only; the files stay in Brook's attachments/).
    const files = m.attachments ?? [];
    if (files.length > 0) out.push(`*${labels.attached}:* ${files.map((f) => `\`${f.name.replace(/`/g, "'")}\``).join(', ')}`, '');
  }
  return out.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
