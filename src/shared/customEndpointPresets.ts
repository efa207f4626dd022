/**
 * Starting points for the shapes home-made backends stream in (docs/custom-endpoints.md shows
 * an example server for each). The user edits the URL and anything else after picking one.
 */
import type { CustomEndpoint } from './customEndpoint';
import { DEFAULT_CONTEXT_WINDOW } from './modelContext';

export interface CustomEndpointPreset {
  id: string;
  endpoint: CustomEndpoint;
}

const JSON_HEADERS = [{ name: 'Content-Type', value: 'application/json', secret: false }];
const BASE = { contextWindow: DEFAULT_CONTEXT_WINDOW, idleTimeoutSeconds: 60 } as const;
const NO_REASONING = { reasoning: '', skipFramesWithoutText: false, error: null } as const;

export const CUSTOM_ENDPOINT_PRESETS: readonly CustomEndpointPreset[] = [
  {
    // FastAPI's StreamingResponse / sse-starlette yielding one character per event.
    id: 'fastapi-chars',
    endpoint: {
      ...BASE,
      request: { method: 'POST', url: 'http://127.0.0.1:8000/chat', headers: JSON_HEADERS, body: '{"query": {{last_user_message}}, "history": {{messages}}}' },
      stream: { format: 'sse', sseEvent: '' },
      extract: { ...NO_REASONING, text: '', mode: 'delta', end: { kind: 'close' } },
    },
  },
  {
    // `data:{"code":0,"msg":"ok","data":{"text":"…","cid":"…"}}` … `data:[DONE]`.
    id: 'code-msg-data',
    endpoint: {
      ...BASE,
      request: {
        method: 'POST',
        url: 'http://127.0.0.1:8080/api/chat/stream',
        headers: JSON_HEADERS,
        body: '{"cid": {{conversation_id}}, "question": {{last_user_message}}, "model": {{model}}}',
      },
      stream: { format: 'sse', sseEvent: '' },
      extract: {
        ...NO_REASONING,
        text: '$.data.text',
        mode: 'delta',
        end: { kind: 'literal', value: '[DONE]' },
        error: { path: '$.code', okValue: '0', messagePath: '$.msg' },
      },
    },
  },
  {
    // A Tornado handler answering GET with `event: message` / `data: …` pairs.
    id: 'tornado-get',
    endpoint: {
      ...BASE,
      request: { method: 'GET', url: 'http://127.0.0.1:8888/stream?q={{last_user_message}}&cid={{conversation_id}}', headers: [], body: '' },
      stream: { format: 'sse', sseEvent: 'message' },
      extract: { ...NO_REASONING, text: '', mode: 'delta', end: { kind: 'close' } },
    },
  },
  {
    // Ollama's /api/generate and servers like it: one `{"response": "…", "done": false}` per line.
    id: 'ndjson-response',
    endpoint: {
      ...BASE,
      request: { method: 'POST', url: 'http://127.0.0.1:11434/api/generate', headers: JSON_HEADERS, body: '{"model": {{model}}, "prompt": {{history}}, "stream": true}' },
      stream: { format: 'ndjson', sseEvent: '' },
      extract: { ...NO_REASONING, text: '$.response', mode: 'delta', end: { kind: 'match', path: '$.done', value: 'true' }, error: { path: '$.error', okValue: '', messagePath: '$.error' } },
    },
  },
  {
    // A plain chunked text body (Flask/Express writing text as it comes).
    id: 'plain-text',
    endpoint: {
      ...BASE,
      request: { method: 'POST', url: 'http://127.0.0.1:5000/generate', headers: JSON_HEADERS, body: '{"prompt": {{last_user_message}}}' },
      stream: { format: 'text', sseEvent: '' },
      extract: { ...NO_REASONING, text: '', mode: 'delta', end: { kind: 'close' } },
    },
  },
  {
    // A WebSocket answering a JSON message with JSON frames, the last one with `status: 2`.
    id: 'websocket-status',
    endpoint: {
      ...BASE,
      request: {
        method: 'POST',
        url: 'ws://127.0.0.1:9000/ws/chat',
        headers: [],
        body: '{"header": {"cid": {{conversation_id}}}, "payload": {"model": {{model}}, "messages": {{messages}}}}',
      },
      stream: { format: 'websocket', sseEvent: '' },
      extract: {
        ...NO_REASONING,
        text: '$.payload.text',
        mode: 'delta',
        skipFramesWithoutText: true,
        end: { kind: 'match', path: '$.header.status', value: '2' },
        error: { path: '$.header.code', okValue: '0', messagePath: '$.header.message' },
      },
    },
  },
];

export function findCustomEndpointPreset(id: string): CustomEndpointPreset | undefined {
  return CUSTOM_ENDPOINT_PRESETS.find((p) => p.id === id);
}
