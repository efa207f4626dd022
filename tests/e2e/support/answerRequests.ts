import { TITLE_REQUEST_PREFIX } from '../../fixtures/openaiServer';

/**
 * The last request that asked for an answer, leaving out Brook's automatic-title request: that
 * one starts when the first answer ends and runs beside the test, so on a loaded machine it can
 * arrive after the question the test sent next.
 */
export function lastAnswerRequest<T extends { body: unknown }>(requests: readonly T[]): T | undefined {
  return requests.filter((r) => !lastUserText(r.body).startsWith(TITLE_REQUEST_PREFIX)).at(-1);
}

function lastUserText(body: unknown): string {
  const messages = isRecord(body) && Array.isArray(body.messages) ? (body.messages as unknown[]) : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (!isRecord(m) || m.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    if (Array.isArray(m.content)) return m.content.map((p: unknown) => (isRecord(p) && typeof p.text === 'string' ? p.text : '')).join('');
    return '';
  }
  return '';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
