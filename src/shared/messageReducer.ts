/**
 * Pure reducer from stream events to the visible message list. Both windows and tests use
 * it, so what the user sees is a function of the events alone.
 */
import type { Message } from './domain';
import type { StreamEventEnvelope } from './streamEvents';
import { withToolStep } from './toolCalls';
import { withSource, withStep } from './webSearch';

export function applyStreamEvent(messages: readonly Message[], envelope: StreamEventEnvelope): Message[] {
  const { event, messageId } = envelope;
  // The streaming message is almost always the last: search from the end (a long conversation
  // would otherwise cost a scan of every message per token).
  const index = messages.findLastIndex((m) => m.id === messageId);
  switch (event.type) {
    case 'start':
      if (index >= 0) return replaceAt(messages, index, keepBranch(messages[index]!, event.message));
      return [...messages, event.message];
    case 'text':
    case 'reasoning': {
      if (index < 0 || event.text === '') return messages as Message[];
      const m = messages[index]!;
      const grown = event.type === 'text' ? { content: m.content + event.text } : { reasoning: m.reasoning + event.text };
      return replaceAt(messages, index, { ...m, ...grown });
    }
    case 'usage': {
      if (index < 0) return messages as Message[];
      return replaceAt(messages, index, { ...messages[index]!, usage: event.usage });
    }
    case 'search.step': {
      if (index < 0) return messages as Message[];
      const m = messages[index]!;
      return replaceAt(messages, index, { ...m, webSearch: withStep(m.webSearch, event.step) });
    }
    case 'search.source': {
      if (index < 0) return messages as Message[];
      const m = messages[index]!;
      return replaceAt(messages, index, { ...m, webSearch: withSource(m.webSearch, event.source) });
    }
    case 'tool.step': {
      if (index < 0) return messages as Message[];
      const m = messages[index]!;
      return replaceAt(messages, index, { ...m, toolSteps: withToolStep(m.toolSteps, event.step) });
    }
    case 'end':
      // The final row from the database is authoritative: it wins over accumulated deltas.
      if (index < 0) return messages as Message[];
      return replaceAt(messages, index, keepBranch(messages[index]!, event.message));
  }
}

/** Rows from the database carry no ‹ 2/3 › place; the one the list already knows stays. */
function keepBranch(current: Message, next: Message): Message {
  return next.branch || !current.branch ? next : { ...next, branch: current.branch };
}

function replaceAt(messages: readonly Message[], index: number, message: Message): Message[] {
  const next = messages.slice();
  next[index] = message;
  return next;
}
