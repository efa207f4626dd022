import type { Message } from '../../../shared/domain';
import type { StreamEventEnvelope } from '../../../shared/streamEvents';
import type { EventBus } from '../base';
import type { HistoryStore } from '../history';
import type { ChatTurnMessage } from '../providers';
import type { ProviderService } from '../settings';
import { titleFromText } from './buildContext';

export interface AutoTitlerOptions {
  /** A title is a nicety: past this, the first words stay. */
  timeoutMs?: number;
  log?: (message: string) => void;
}

const EXCERPT_CHARS = 1500;
const INSTRUCTION =
  'Write a title for the conversation above: at most six words (or about twelve characters in Chinese or Japanese), ' +
  'in the language the user wrote in. Reply with the title only, without quotes or final punctuation.';

/**
 * After the first answer of a conversation that still has its provisional title (the first
 * words of the question), asks the same model for a short title in the conversation's own
 * language. It runs after the answer has ended, so it never delays it; when no model answers
 * (none configured, an error, a timeout, an empty reply) the first words simply stay.
 */
export class AutoTitler {
  private readonly timeoutMs: number;
  private readonly log: (message: string) => void;
  private readonly running = new Set<string>();

  constructor(
    private readonly history: HistoryStore,
    private readonly providers: ProviderService,
    private readonly bus: EventBus,
    options: AutoTitlerOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.log = options.log ?? (() => {});
  }

  /** Listens for answers that end; returns the unsubscribe. */
  start(): () => void {
    return this.bus.on((name, payload) => {
      if (name !== 'stream') return;
      const { event } = payload as StreamEventEnvelope;
      if (event.type === 'end') void this.onAnswer(event.message);
    });
  }

  /** Resolves when the title is settled (tests await it; the bus listener does not). */
  async onAnswer(answer: Message): Promise<void> {
    const conversationId = answer.conversationId;
    if (answer.role !== 'assistant' || answer.status !== 'done' || answer.content.trim() === '' || !answer.parentId) return;
    if (this.running.has(conversationId) || !this.history.hasAutoTitle(conversationId)) return;
    this.running.add(conversationId);
    try {
      const question = this.history.getMessage(answer.parentId);
      if (!question) return;
      const title = await this.ask(answer, question.content);
      const updated = title ? this.history.applyModelTitle(conversationId, title) : null;
      if (updated) this.bus.emit('conversation.updated', updated);
      else this.history.settleTitle(conversationId);
    } catch (err) {
      this.log(`auto title failed: ${String(err)}`);
      try {
        this.history.settleTitle(conversationId);
      } catch {
        // deleted meanwhile
      }
    } finally {
      this.running.delete(conversationId);
    }
  }

  private async ask(answer: Message, question: string): Promise<string | null> {
    const conversation = this.history.getConversation(answer.conversationId);
    const preferred = answer.providerId ?? conversation?.providerId ?? null;
    const { record, provider } = this.providers.resolve(preferred);
    const model = (record.id === answer.providerId ? answer.model : null) || record.defaultModel;
    if (!model) return null;
    const messages: ChatTurnMessage[] = [
      { role: 'user', content: question.slice(0, EXCERPT_CHARS) },
      { role: 'assistant', content: answer.content.slice(0, EXCERPT_CHARS) },
      { role: 'user', content: INSTRUCTION },
    ];
    let text = '';
    const signal = AbortSignal.timeout(this.timeoutMs);
    for await (const event of provider.stream({ model, messages, maxOutputTokens: 60, temperature: 0.3 }, signal)) {
      if (event.type === 'text') text += event.text;
    }
    return cleanTitle(text);
  }
}

/** The first line, without quotes, a "Title:" label or final punctuation; null when nothing is left. */
export function cleanTitle(raw: string): string | null {
  const line = raw
    .replace(/<think>[\s\S]*?<\/think>/g, '')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (!line) return null;
  let cleaned = line.replace(/^(title|标题)\s*[:：]\s*/i, '');
  // Quotes, emphasis and final punctuation come in any order ("“Oslo.”", "「…」。").
  for (let i = 0; i < 3; i++) {
    cleaned = cleaned
      .replace(/^[#*\s]+|[*\s]+$/g, '')
      .replace(/^["'“”‘’「」『』《》]+|["'“”‘’「」『』《》]+$/g, '')
      .replace(/[.。!！?？,，;；:：]+$/u, '')
      .trim();
  }
  return cleaned === '' ? null : titleFromText(cleaned, 60);
}
