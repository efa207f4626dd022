/**
 * What most protocols need from a request and none should write twice: the system text lifted
 * out, the strict user/assistant alternation, the prefill refusal, and usage counts.
 */
import type { Usage } from '../../../shared/domain';
import type { TurnImage } from '../base';
import { AppError } from '../../../shared/errors';
import type { ChatTurnMessage, ProviderRequest } from './provider';

/** null when the server reported no counts at all. */
export function makeUsage(prompt: number | null, completion: number | null, total: number | null = null): Usage | null {
  if (prompt === null && completion === null && total === null) return null;
  const promptTokens = prompt ?? 0;
  const completionTokens = completion ?? 0;
  return { promptTokens, completionTokens, totalTokens: total ?? promptTokens + completionTokens };
}

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
  /** User turns: attached images (each protocol sends its own image part, see imageParts.ts). */
  images?: TurnImage[];
}

export interface SplitMessages {
  /** `request.system` and every system message, joined by a blank line; '' when none. */
  system: string;
  turns: Turn[];
}

/**
 * For protocols with a top-level system field and strict user/assistant alternation: lifts the
 * system text out, drops empty turns, merges consecutive same-role turns (an answer that
 * failed leaves two user messages in a row) and drops assistant turns before the first user.
 */
export function splitMessages(request: Pick<ProviderRequest, 'system' | 'messages'>): SplitMessages {
  const systemParts = [request.system ?? '', ...request.messages.filter((m) => m.role === 'system').map((m) => m.content)];
  const system = systemParts.filter((s) => s.trim() !== '').join('\n\n');
  const turns: Turn[] = [];
  for (const m of request.messages) {
    const images = m.role === 'user' && m.images?.length ? m.images : undefined;
    if (m.role === 'system' || (m.content.trim() === '' && !images)) continue;
    if (turns.length === 0 && m.role === 'assistant') continue;
    const last = turns.at(-1);
    if (last && last.role === m.role) {
      last.content = [last.content, m.content].filter((text) => text !== '').join('\n\n');
      if (images) last.images = [...(last.images ?? []), ...images];
    } else turns.push({ role: m.role, content: m.content, ...(images ? { images } : {}) });
  }
  return { system, turns };
}

/** The full message list with `request.system` first, for protocols that have a system role. */
export function messagesWithSystem(request: Pick<ProviderRequest, 'system' | 'messages'>): ChatTurnMessage[] {
  const system = request.system?.trim() ? [{ role: 'system' as const, content: request.system }] : [];
  return [...system, ...request.messages];
}

/** For kinds whose PREFILL_SUPPORT is `none`: the caller must build a continuation request. */
export function rejectPrefill(request: ProviderRequest, providerName: string): void {
  if (request.prefill) {
    throw new AppError('bad_request', {
      retryable: false,
      detail: `${providerName} cannot continue an answer in place; send an explicit continuation request instead.`,
    });
  }
}

export function noUserMessage(): AppError {
  return new AppError('bad_request', { retryable: false, detail: 'The request has no user message to answer.' });
}
