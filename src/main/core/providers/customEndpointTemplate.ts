/**
 * Filling a custom endpoint's templates: the body (or first WebSocket message) and the URL.
 * A placeholder is written `{{name}}`. In a body it becomes JSON where it stands: outside a
 * string it is a JSON value (`"prompt": {{last_user_message}}` → `"prompt": "the text"`),
 * inside a string it is that string's escaped content (`"q": "Q: {{last_user_message}}"`), so
 * quotes, newlines, backslashes and emoji in what the user typed never break the JSON. In a
 * URL every placeholder is percent-encoded.
 */
import { CUSTOM_PLACEHOLDERS, type CustomPlaceholder } from '../../../shared/customEndpoint';
import { AppError } from '../../../shared/errors';
import { messagesWithSystem } from './messages';
import type { ProviderRequest } from './provider';

export type TemplateValues = Record<CustomPlaceholder, unknown>;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
/** The same, matched only exactly at `lastIndex` (sticky), while scanning a body. */
const PLACEHOLDER_HERE = /\{\{\s*(\w+)\s*\}\}/y;
const ROLE_LABEL = { system: 'System', user: 'User', assistant: 'Assistant' } as const;

/** What each placeholder stands for in this request. Parameters the user left unset are null. */
export function templateValues(request: ProviderRequest): TemplateValues {
  const messages = messagesWithSystem(request).map((m) => ({ role: m.role, content: m.content }));
  const lastUser = [...request.messages].reverse().find((m) => m.role === 'user');
  const parameters: Record<string, number> = {};
  if (request.temperature !== undefined) parameters.temperature = request.temperature;
  if (request.topP !== undefined) parameters.top_p = request.topP;
  if (request.topK !== undefined) parameters.top_k = request.topK;
  if (request.maxOutputTokens !== undefined) parameters.max_tokens = request.maxOutputTokens;
  return {
    messages,
    last_user_message: lastUser?.content ?? '',
    history: messages.map((m) => `${ROLE_LABEL[m.role]}: ${m.content}`).join('\n\n'),
    system: request.system ?? '',
    model: request.model,
    conversation_id: request.conversationId ?? '',
    temperature: request.temperature ?? null,
    top_p: request.topP ?? null,
    top_k: request.topK ?? null,
    max_tokens: request.maxOutputTokens ?? null,
    parameters,
  };
}

/** The placeholders a template names that Brook does not know (a typo would otherwise be sent as is). */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(CUSTOM_PLACEHOLDERS);
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => !known.has(name));
}

function assertKnown(template: string): void {
  const unknown = unknownPlaceholders(template);
  if (unknown.length > 0) {
    throw new AppError('bad_request', {
      messageKey: 'customEndpoint.errors.unknownPlaceholder',
      params: { name: `{{${unknown[0]}}}` },
      retryable: false,
      detail: `Unknown placeholder {{${unknown[0]}}}; known: ${CUSTOM_PLACEHOLDERS.join(', ')}.`,
    });
  }
}

/** The body with every placeholder JSON-escaped for where it stands (see the file comment). */
export function renderBody(template: string, values: TemplateValues): string {
  assertKnown(template);
  let out = '';
  let inString = false;
  let i = 0;
  while (i < template.length) {
    const ch = template[i] as string;
    if (ch === '{' && template[i + 1] === '{') {
      PLACEHOLDER_HERE.lastIndex = i;
      const match = PLACEHOLDER_HERE.exec(template);
      if (match) {
        const value = values[match[1] as CustomPlaceholder];
        out += inString ? insideString(value) : JSON.stringify(value ?? null);
        i += match[0].length;
        continue;
      }
    }
    if (inString && ch === '\\') {
      // An escape in the template itself: copy it whole so `\"` does not end the string.
      out += template.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '"') inString = !inString;
    out += ch;
    i++;
  }
  return out;
}

/** The URL with every placeholder percent-encoded (query strings of GET endpoints). */
export function renderUrl(template: string, values: TemplateValues): string {
  assertKnown(template);
  return template.replace(PLACEHOLDER, (_whole, name: string) => encodeURIComponent(asText(values[name as CustomPlaceholder])));
}

/** A value as the content of a JSON string: strings escaped, anything else as its JSON text, escaped. */
function insideString(value: unknown): string {
  return JSON.stringify(asText(value)).slice(1, -1);
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
