/**
 * A streaming endpoint the user describes instead of code (the `custom` provider kind): how to
 * send the request, how the answer streams back, and where the text is in each frame. Shared
 * so the settings form, the contract, the stored provider record and the core's engine
 * (core/providers/customEndpoint*) read one shape. Importable and exportable as JSON; secret
 * header values never travel in it (they live in the secret store).
 *
 * Paths (`text`, `reasoning`, the end and error paths) are written one way for every place:
 * `$…` is a JSONPath (RFC 9535), `/…` a JSON pointer (RFC 6901), and '' means the whole data
 * of the frame taken as text (a server that sends `data: <one character>`).
 */
import { z } from 'zod';
import { DEFAULT_CONTEXT_WINDOW } from './modelContext';

export const CUSTOM_STREAM_FORMATS = ['sse', 'ndjson', 'text', 'websocket'] as const;
export type CustomStreamFormat = (typeof CUSTOM_STREAM_FORMATS)[number];

/** The placeholders a body, a query string or a first WebSocket message may use, e.g. `{{last_user_message}}`. */
export const CUSTOM_PLACEHOLDERS = [
  'messages',
  'last_user_message',
  'history',
  'system',
  'model',
  'conversation_id',
  'temperature',
  'top_p',
  'top_k',
  'max_tokens',
  'parameters',
] as const;
export type CustomPlaceholder = (typeof CUSTOM_PLACEHOLDERS)[number];

export const CUSTOM_IDLE_TIMEOUT_RANGE = { min: 5, max: 3600, default: 60 } as const;

/** `$…` JSONPath, `/…` JSON pointer, or '' for the whole data. Checked for form here; the core parses JSONPath. */
export const customPathSchema = z
  .string()
  .trim()
  .max(500)
  .refine((p) => p === '' || p.startsWith('$') || p.startsWith('/'), 'a path starts with $ (JSONPath) or / (JSON pointer), or is empty');

const headerSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a valid header name'),
  /** A secret's value is '' here: it is kept in the secret store and never shown again. */
  value: z.string().max(8192),
  secret: z.boolean().default(false),
});
export type CustomHeader = z.infer<typeof headerSchema>;

const urlSchema = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .refine((value) => {
    try {
      // Placeholders may stand in the query or the path; the scheme and host must be real.
      return ['http:', 'https:', 'ws:', 'wss:'].includes(new URL(value.replace(/\{\{\s*\w+\s*\}\}/g, 'x')).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) or ws(s) URL');

/** How the stream says it is finished. */
export const customEndSchema = z.discriminatedUnion('kind', [
  /** A frame whose whole data is this text, e.g. `[DONE]`. */
  z.strictObject({ kind: z.literal('literal'), value: z.string().min(1).max(200) }),
  /** A frame where `path` holds `value` (compared as text: `true`, `2`, `finished`). */
  z.strictObject({ kind: z.literal('match'), path: customPathSchema, value: z.string().max(200) }),
  /** The connection closing cleanly is the end. */
  z.strictObject({ kind: z.literal('close') }),
]);
export type CustomEnd = z.infer<typeof customEndSchema>;

export const customEndpointSchema = z.strictObject({
  request: z.strictObject({
    method: z.enum(['POST', 'GET']).default('POST'),
    url: urlSchema,
    headers: z.array(headerSchema).max(50).default([]),
    /** POST body, or the first WebSocket message. Placeholders are JSON-escaped where they stand. */
    body: z.string().max(100_000).default(''),
  }),
  stream: z.strictObject({
    format: z.enum(CUSTOM_STREAM_FORMATS),
    /** SSE only: read only events of this name ('' reads every event). */
    sseEvent: z.string().trim().max(100).default(''),
  }),
  extract: z.strictObject({
    text: customPathSchema,
    /** `delta`: each frame carries new text; `full`: each carries the whole answer so far. */
    mode: z.enum(['delta', 'full']).default('delta'),
    reasoning: customPathSchema.default(''),
    /** Frames without text (metadata, keep-alives) are skipped instead of failing the answer. */
    skipFramesWithoutText: z.boolean().default(false),
    end: customEndSchema,
    /** An error frame: `path` holds something other than `okValue` ('' = anything present is an error). */
    error: z
      .strictObject({ path: customPathSchema.refine((p) => p !== '', 'an error path is needed'), okValue: z.string().max(200).default(''), messagePath: customPathSchema.default('') })
      .nullable()
      .default(null),
  }),
  /** Tokens the model reads; the conversation is trimmed to it. */
  contextWindow: z.number().int().min(512).max(10_000_000).default(DEFAULT_CONTEXT_WINDOW),
  /** Silence longer than this (seconds) fails the answer with a timeout, keeping its text. */
  idleTimeoutSeconds: z.number().int().min(CUSTOM_IDLE_TIMEOUT_RANGE.min).max(CUSTOM_IDLE_TIMEOUT_RANGE.max).default(CUSTOM_IDLE_TIMEOUT_RANGE.default),
}).superRefine((endpoint, ctx) => {
  // Raw text is cut wherever the network cuts it: no path or data value can be read from a chunk.
  if (endpoint.stream.format !== 'text') return;
  if (endpoint.extract.text !== '') ctx.addIssue({ code: 'custom', path: ['extract', 'text'], message: 'raw text is read whole: leave the text path empty' });
  if (endpoint.extract.end.kind !== 'close') ctx.addIssue({ code: 'custom', path: ['extract', 'end'], message: 'raw text ends when the connection closes' });
});
export type CustomEndpoint = z.infer<typeof customEndpointSchema>;
export type CustomEndpointInput = z.input<typeof customEndpointSchema>;

/** The JSON a user shares: a marker, a version, the model name and the description. Never a secret value. */
export const customEndpointFileSchema = z.strictObject({
  brookCustomEndpoint: z.literal(1),
  name: z.string().trim().min(1).max(100),
  model: z.string().trim().max(200).default(''),
  endpoint: customEndpointSchema,
});
export type CustomEndpointFile = z.infer<typeof customEndpointFileSchema>;

/** The shareable JSON of a description: secret header values are blanked, whatever the caller passed. */
export function exportCustomEndpoint(name: string, model: string, endpoint: CustomEndpoint): string {
  const file: CustomEndpointFile = {
    brookCustomEndpoint: 1,
    name,
    model,
    endpoint: { ...endpoint, request: { ...endpoint.request, headers: endpoint.request.headers.map((h) => (h.secret ? { ...h, value: '' } : h)) } },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportOutcome = { ok: true; file: CustomEndpointFile } | { ok: false; problem: string };

/** Reads a shared description; `problem` names the first field that is wrong. */
export function importCustomEndpoint(text: string): ImportOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const parsed = customEndpointFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid' };
  }
  const file = parsed.data;
  // A secret value in a shared file is not trusted to be meant: secrets are typed in, never imported.
  const headers = file.endpoint.request.headers.map((h) => (h.secret ? { ...h, value: '' } : h));
  return { ok: true, file: { ...file, endpoint: { ...file.endpoint, request: { ...file.endpoint.request, headers } } } };
}

/** What a Test shows for one frame: the raw data as received and what the description took from it. */
export interface CustomFrameReport {
  index: number;
  /** The frame's data (SSE: with its event name), cut to a readable size. */
  raw: string;
  event: string | null;
  text: string;
  reasoning: string;
  /** The end signal was in this frame. */
  end: boolean;
  /** Why this frame failed (translated by key; the frame number and the path are in its params and detail). */
  error: CustomTestError | null;
}

export interface CustomTestError {
  messageKey: string;
  detail: string | null;
  params?: Record<string, string | number>;
}

export interface CustomTestResult {
  status: number;
  frames: CustomFrameReport[];
  /** Everything extracted, joined: what the answer would read. */
  text: string;
  reasoning: string;
  /** The stream reached its end signal (or closed where `close` is the end). */
  ended: boolean;
  /** The first failure, translated by key, with its detail; null when the test read a whole answer. */
  error: CustomTestError | null;
  /** Frames not shown after the first MAX_TEST_FRAMES. */
  truncated: boolean;
}

export const MAX_TEST_FRAMES = 200;
