import type { ChatTurnMessage, Provider } from '../providers';

export const MAX_QUERIES = 3;
const QUERY_TIMEOUT_MS = 20_000;
const TURN_CHARS = 1500;

const QUERY_SYSTEM = [
  'You write web search queries. Read the conversation and write one to three short search queries',
  'that would find what is needed to answer the last user message. Write them in the language of the',
  'last user message. Reply with the queries only, one per line, without numbering or quotes.',
].join(' ');

/**
 * The model writes the queries: one short, cheap call on the conversation's own model. When
 * that call fails or says nothing usable, the user's message itself is the query, so a
 * search still happens.
 */
export async function generateQueries(
  provider: Provider,
  model: string,
  conversation: readonly ChatTurnMessage[],
  signal: AbortSignal,
  today: string,
): Promise<{ queries: string[]; fromModel: boolean }> {
  const question = conversation.at(-1)?.content ?? '';
  const fallback = { queries: [fallbackQuery(question)], fromModel: false };
  const transcript = conversation
    .slice(-5)
    .map((m) => `${m.role === 'user' ? 'User' : 'Assistant'}: ${m.content.slice(0, TURN_CHARS)}`)
    .join('\n\n');
  const combined = AbortSignal.any([signal, AbortSignal.timeout(QUERY_TIMEOUT_MS)]);
  let text = '';
  try {
    for await (const event of provider.stream(
      {
        model,
        system: `${QUERY_SYSTEM} Today is ${today}.`,
        messages: [{ role: 'user', content: `${transcript}\n\nSearch queries for the last user message:` }],
        maxOutputTokens: 120,
        reasoning: false,
      },
      combined,
    )) {
      if (event.type === 'text') text += event.text;
    }
  } catch (err) {
    if (signal.aborted) throw err;
    return fallback;
  }
  const queries = parseQueries(text);
  return queries.length > 0 ? { queries, fromModel: true } : fallback;
}

/** One query per line; list markers, quotes and empty lines are dropped. */
export function parseQueries(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const q = line
      .replace(/^\s*(?:[-*•]|\d+[.)、])\s*/, '')
      .replace(/^["'“”「『]+|["'“”」』]+$/g, '')
      .trim()
      .slice(0, 200);
    if (q === '' || seen.has(q.toLowerCase())) continue;
    seen.add(q.toLowerCase());
    out.push(q);
    if (out.length >= MAX_QUERIES) break;
  }
  return out;
}

function fallbackQuery(question: string): string {
  return question.replace(/\s+/g, ' ').trim().slice(0, 200);
}
