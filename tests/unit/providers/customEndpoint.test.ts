/**
 * The custom endpoint kind against fixture servers in each shape of the issue: the text read
 * exactly, the request sent exactly, and every failure named (frame, path) with its text kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomEndpointProvider } from '../../../src/main/core/providers/customEndpoint';
import type { ProviderEvent, ProviderRequest } from '../../../src/main/core/providers';
import { customEndpointSchema, type CustomEndpoint, type CustomEndpointInput } from '../../../src/shared/customEndpoint';
import { findCustomEndpointPreset } from '../../../src/shared/customEndpointPresets';
import { AppError } from '../../../src/shared/errors';
import {
  byteChunks,
  codeMsgData,
  type CustomHttpFixture,
  type CustomWsFixture,
  fastapiChars,
  NDJSON,
  ndjsonResponses,
  SSE,
  sseEvent,
  startCustomHttpFixture,
  startCustomWsFixture,
  TEXT,
  tornadoMessages,
  wsFrame,
} from '../../fixtures/customEndpointServers';

let http: CustomHttpFixture;
let ws: CustomWsFixture;
beforeAll(async () => {
  http = await startCustomHttpFixture();
  ws = await startCustomWsFixture();
});
afterAll(async () => {
  await http.close();
  await ws.close();
});

/** Text that breaks naive templating: quotes, newlines, backslashes, emoji, CJK. */
const AWKWARD = 'He said "hi"\nC:\\path\\n 😀 中文 & a+b=c?';

function preset(id: string, patch: (e: CustomEndpoint) => CustomEndpointInput = (e) => e): CustomEndpoint {
  const found = findCustomEndpointPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return customEndpointSchema.parse(patch(structuredClone(found.endpoint)));
}

function withUrl(e: CustomEndpoint, url: string): CustomEndpoint {
  return { ...e, request: { ...e.request, url } };
}

function request(text = AWKWARD): ProviderRequest {
  return {
    model: 'my-model',
    conversationId: 'conv-1',
    system: 'Be brief.',
    temperature: 0.5,
    messages: [
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'answer one' },
      { role: 'user', content: text },
    ],
  };
}

async function run(endpoint: CustomEndpoint, secretHeaders: Record<string, string> = {}, signal = new AbortController().signal) {
  const provider = new CustomEndpointProvider({ endpoint, secretHeaders }, { fetch: globalThis.fetch });
  const events: ProviderEvent[] = [];
  let error: unknown = null;
  try {
    for await (const event of provider.stream(request(), signal)) events.push(event);
  } catch (err) {
    error = err;
  }
  const text = events.flatMap((e) => (e.type === 'text' ? [e.text] : [])).join('');
  const reasoning = events.flatMap((e) => (e.type === 'reasoning' ? [e.text] : [])).join('');
  return { events, text, reasoning, error, done: events.some((e) => e.type === 'done') };
}

const ANSWER = 'Héllo, 世界! 😀 "ok"\\n';

describe('FastAPI-style one character per event', () => {
  it('reads every character, UTF-8 split across reads, and sends the body JSON-escaped exactly', async () => {
    http.serve({ kind: 'raw', headers: SSE, chunks: byteChunks(fastapiChars(ANSWER), 3) });
    const endpoint = withUrl(preset('fastapi-chars'), `${http.url}/chat`);
    const result = await run(endpoint);
    expect(result.error).toBeNull();
    expect(result.text).toBe(ANSWER);
    expect(result.done).toBe(true);
    const sent = http.requests.at(-1);
    expect(sent?.method).toBe('POST');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.rawBody).toBe(
      `{"query": ${JSON.stringify(AWKWARD)}, "history": ${JSON.stringify([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'answer one' },
        { role: 'user', content: AWKWARD },
      ])}}`,
    );
    expect(sent?.body).toEqual({ query: AWKWARD, history: expect.any(Array) });
  });

  it('places a placeholder inside a JSON string as escaped content, and parameters as JSON values', async () => {
    http.serve({ kind: 'raw', headers: SSE, chunks: fastapiChars('ok') });
    const endpoint = withUrl(
      preset('fastapi-chars', (e) => ({ ...e, request: { ...e.request, body: '{"q": "Q: {{last_user_message}}", "t": {{temperature}}, "k": {{top_k}}, "p": {{parameters}}, "h": {{history}}}' } })),
      `${http.url}/chat`,
    );
    await run(endpoint);
    expect(http.requests.at(-1)?.body).toEqual({
      q: `Q: ${AWKWARD}`,
      t: 0.5,
      k: null,
      p: { temperature: 0.5 },
      h: `System: Be brief.\n\nUser: first\n\nAssistant: answer one\n\nUser: ${AWKWARD}`,
    });
  });

  it('keeps the text when the connection drops mid-answer and the end is a literal', async () => {
    http.serve({ kind: 'raw', headers: SSE, chunks: fastapiChars('partial'), after: 'destroy' });
    const endpoint = withUrl(preset('fastapi-chars', (e) => ({ ...e, extract: { ...e.extract, end: { kind: 'literal', value: '[DONE]' } } })), `${http.url}/chat`);
    const result = await run(endpoint);
    expect(result.text).toBe('partial');
    expect(result.error).toBeInstanceOf(AppError);
    expect((result.error as AppError).code).toBe('network');
  });
});

describe('the code/msg/data.text wrapper', () => {
  it('reads data.text until data:[DONE]', async () => {
    http.serve({ kind: 'raw', headers: SSE, chunks: byteChunks(codeMsgData(['Hel', 'lo ', '世界', ' 😀']), 7) });
    const result = await run(withUrl(preset('code-msg-data'), `${http.url}/api`));
    expect(result.error).toBeNull();
    expect(result.text).toBe('Hello 世界 😀');
    expect(http.requests.at(-1)?.rawBody).toBe(`{"cid": "conv-1", "question": ${JSON.stringify(AWKWARD)}, "model": "my-model"}`);
  });

  it('fails on an error frame mid-stream with its message, keeping the text before it', async () => {
    http.serve({ kind: 'raw', headers: SSE, chunks: codeMsgData(['one ', 'two ', 'x'], { errorAt: { index: 2, code: 5001, msg: 'quota used up' } }) });
    const result = await run(withUrl(preset('code-msg-data'), `${http.url}/api`));
    expect(result.text).toBe('one two ');
    const error = result.error as AppError;
    expect(error.messageKey).toBe('customEndpoint.errors.errorFrame');
    expect(error.params).toMatchObject({ frame: 3, path: '$.code', message: 'quota used up' });
  });

  it('fails when the stream closes without [DONE]', async () => {
    http.serve({ kind: 'raw', headers: SSE, chunks: codeMsgData(['a', 'b']).slice(0, 2) });
    const result = await run(withUrl(preset('code-msg-data'), `${http.url}/api`));
    expect(result.text).toBe('ab');
    const error = result.error as AppError;
    expect(error.messageKey).toBe('customEndpoint.errors.noEndSignal');
    expect(error.params).toEqual({ end: '[DONE]', frames: 2 });
  });

  it('names the frame and the path that matched nothing, and a frame that is not JSON', async () => {
    http.serve({ kind: 'raw', headers: SSE, chunks: [sseEvent('{"code":0,"data":{"text":"a"}}'), sseEvent('{"code":0,"data":{}}')] });
    const missed = await run(withUrl(preset('code-msg-data'), `${http.url}/api`));
    expect(missed.text).toBe('a');
    expect((missed.error as AppError).messageKey).toBe('customEndpoint.errors.pathMissed');
    expect((missed.error as AppError).params).toEqual({ frame: 2, path: '$.data.text' });

    http.serve({ kind: 'raw', headers: SSE, chunks: [sseEvent('{"code":0,"data":{"text":"a"}}'), sseEvent('oops{')] });
    const malformed = await run(withUrl(preset('code-msg-data'), `${http.url}/api`));
    expect((malformed.error as AppError).messageKey).toBe('customEndpoint.errors.malformedFrame');
    expect((malformed.error as AppError).params).toEqual({ frame: 2, path: '$.data.text' });
  });

  it('maps a non-2xx answer to the error of its status', async () => {
    http.serve({ kind: 'raw', status: 401, headers: { 'content-type': 'application/json' }, chunks: ['{"message":"bad token"}'] });
    const result = await run(withUrl(preset('code-msg-data'), `${http.url}/api`));
    expect((result.error as AppError).code).toBe('auth');
    expect((result.error as AppError).detail).toContain('bad token');
  });

  it('sends secret headers and never shows their value in an error', async () => {
    const endpoint = withUrl(
      preset('code-msg-data', (e) => ({ ...e, request: { ...e.request, headers: [...e.request.headers, { name: 'Authorization', value: '', secret: true }] } })),
      `${http.url}/api`,
    );
    http.serve({ kind: 'raw', status: 403, headers: TEXT, chunks: ['token Bearer sk-secret-123 refused'] });
    const result = await run(endpoint, { Authorization: 'Bearer sk-secret-123' });
    expect(http.requests.at(-1)?.headers.authorization).toBe('Bearer sk-secret-123');
    expect(JSON.stringify((result.error as AppError).toJSON())).not.toContain('sk-secret-123');
  });
});

describe('Tornado event: message on GET', () => {
  it('URL-encodes query placeholders, sends no body and reads only `message` events', async () => {
    http.serve({ kind: 'raw', headers: SSE, chunks: byteChunks(tornadoMessages(['你好', '，', '世界 😀']), 4) });
    const endpoint = withUrl(preset('tornado-get'), `${http.url}/stream?q={{last_user_message}}&cid={{conversation_id}}`);
    const result = await run(endpoint);
    expect(result.error).toBeNull();
    expect(result.text).toBe('你好，世界 😀');
    const sent = http.requests.at(-1);
    expect(sent?.method).toBe('GET');
    expect(sent?.rawBody).toBe('');
    expect(sent?.path).toBe(`/stream?q=${encodeURIComponent(AWKWARD)}&cid=conv-1`);
    expect(new URL(`http://x${sent?.path}`).searchParams.get('q')).toBe(AWKWARD);
  });
});

describe('NDJSON {"response": …}', () => {
  it('reads lines split anywhere until done: true', async () => {
    http.serve({ kind: 'raw', headers: NDJSON, chunks: byteChunks(ndjsonResponses(['The ', 'sky ', 'is ', '蓝色.']), 5) });
    const result = await run(withUrl(preset('ndjson-response'), `${http.url}/api/generate`));
    expect(result.error).toBeNull();
    expect(result.text).toBe('The sky is 蓝色.');
    expect(http.requests.at(-1)?.body).toEqual({
      model: 'my-model',
      prompt: `System: Be brief.\n\nUser: first\n\nAssistant: answer one\n\nUser: ${AWKWARD}`,
      stream: true,
    });
  });

  it('turns full-text-so-far pieces into deltas without repeating text', async () => {
    http.serve({ kind: 'raw', headers: NDJSON, chunks: [...ndjsonResponses(['Hello', ', ', 'wörld', '!'], { full: true })] });
    const endpoint = withUrl(preset('ndjson-response', (e) => ({ ...e, extract: { ...e.extract, mode: 'full' } })), `${http.url}/api/generate`);
    const result = await run(endpoint);
    expect(result.text).toBe('Hello, wörld!');
    expect(result.events.filter((e) => e.type === 'text').map((e) => (e as { text: string }).text)).toEqual(['Hello', ', ', 'wörld', '!']);
  });

  it('reports a bare {"error": …} line', async () => {
    http.serve({ kind: 'raw', headers: NDJSON, chunks: [`${JSON.stringify({ response: 'x', done: false })}\n`, '{"error":"model crashed"}\n'] });
    const result = await run(withUrl(preset('ndjson-response'), `${http.url}/api/generate`));
    expect(result.text).toBe('x');
    expect((result.error as AppError).params).toMatchObject({ frame: 2, message: 'model crashed' });
  });
});

describe('plain chunked text', () => {
  it('reads the body as text, a UTF-8 character split across reads, ending at close', async () => {
    http.serve({ kind: 'raw', headers: TEXT, chunks: byteChunks([ANSWER], 2) });
    const result = await run(withUrl(preset('plain-text'), `${http.url}/generate`));
    expect(result.error).toBeNull();
    expect(result.text).toBe(ANSWER);
    expect(http.requests.at(-1)?.rawBody).toBe(`{"prompt": ${JSON.stringify(AWKWARD)}}`);
  });

  it('fails with the silence error after the idle timeout, keeping the text', async () => {
    http.serve({ kind: 'raw', headers: TEXT, chunks: ['some text'], after: 'hang' });
    const endpoint = withUrl(preset('plain-text', (e) => ({ ...e, idleTimeoutSeconds: 5 })), `${http.url}/generate`);
    const result = await run(endpoint);
    expect(result.text).toBe('some text');
    expect((result.error as AppError).code).toBe('timeout');
    expect((result.error as AppError).messageKey).toBe('customEndpoint.errors.silence');
  }, 10_000);

  it('Stop aborts the request: the AbortError, the text so far, and the server sees the close', async () => {
    http.serve({ kind: 'raw', headers: TEXT, chunks: ['a', 'b', 'c', 'd', 'e', 'f'], gapMs: 200 });
    const stop = new AbortController();
    const provider = new CustomEndpointProvider({ endpoint: withUrl(preset('plain-text'), `${http.url}/generate`), secretHeaders: {} }, { fetch: globalThis.fetch });
    let text = '';
    let error: unknown = null;
    try {
      for await (const event of provider.stream(request(), stop.signal)) {
        if (event.type === 'text') text += event.text;
        if (text.length >= 2) stop.abort();
      }
    } catch (err) {
      error = err;
    }
    expect((error as Error).name).toBe('AbortError');
    expect(text).toBe('ab');
    await expect.poll(() => http.requests.at(-1)?.closedEarly).toBe(true);
  });
});

describe('WebSocket JSON frames with a final status 2', () => {
  it('sends the first message and reads until header.status = 2', async () => {
    ws.serve({ frames: [wsFrame('Hi', 1), wsFrame(null, 1), wsFrame(' there 😀', 1), wsFrame('.', 2)] });
    const result = await run(withUrl(preset('websocket-status'), `${ws.url}/ws/chat`));
    expect(result.error).toBeNull();
    expect(result.text).toBe('Hi there 😀.');
    const first = ws.received.at(-1)?.message ?? '';
    expect(first).toBe(
      `{"header": {"cid": "conv-1"}, "payload": {"model": "my-model", "messages": ${JSON.stringify([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'answer one' },
        { role: 'user', content: AWKWARD },
      ])}}}`,
    );
  });

  it('reports an error frame and a socket that closes before status 2', async () => {
    ws.serve({ frames: [wsFrame('a', 1), wsFrame(null, 1, 10013, 'input rejected')] });
    const failed = await run(withUrl(preset('websocket-status'), `${ws.url}/ws/chat`));
    expect(failed.text).toBe('a');
    expect((failed.error as AppError).params).toMatchObject({ frame: 2, path: '$.header.code', message: 'input rejected' });

    ws.serve({ frames: [wsFrame('a', 1), wsFrame('b', 1)] });
    const cut = await run(withUrl(preset('websocket-status'), `${ws.url}/ws/chat`));
    expect(cut.text).toBe('ab');
    expect((cut.error as AppError).messageKey).toBe('customEndpoint.errors.noEndSignal');
  });

  it('Stop closes the socket', async () => {
    ws.serve({ frames: Array.from({ length: 20 }, (_, i) => wsFrame(String(i % 10), 1)), gapMs: 50 });
    const stop = new AbortController();
    const provider = new CustomEndpointProvider({ endpoint: withUrl(preset('websocket-status'), `${ws.url}/ws`), secretHeaders: {} }, { fetch: globalThis.fetch });
    let text = '';
    await expect(
      (async () => {
        for await (const event of provider.stream(request(), stop.signal)) {
          if (event.type === 'text') text += event.text;
          if (text.length === 3) stop.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(text).toBe('012');
    await expect.poll(() => ws.clientClosedEarly(), { timeout: 3000 }).toBe(true);
  });
});

describe('templates', () => {
  it('keeps escaped quotes of the template, embeds objects inside strings as escaped JSON, and names an unknown placeholder', async () => {
    const { renderBody, renderUrl, templateValues } = await import('../../../src/main/core/providers/customEndpointTemplate');
    const values = templateValues(request('a"b'));
    const body = renderBody('{"note": "say \\"{{model}}\\"", "m": "{{parameters}}", "n": {{max_tokens}}}', values);
    expect(JSON.parse(body)).toEqual({ note: 'say "my-model"', m: '{"temperature":0.5}', n: null });
    expect(renderUrl('http://h/x?q={{last_user_message}}&m={{model}}', values)).toBe('http://h/x?q=a%22b&m=my-model');
    expect(() => renderBody('{"q": {{question}}}', values)).toThrow(expect.objectContaining({ messageKey: 'customEndpoint.errors.unknownPlaceholder', params: { name: '{{question}}' } }));
  });

  it('reads JSON pointers, including escaped names and array indexes', async () => {
    const { lookup } = await import('../../../src/main/core/providers/customEndpointExtract');
    const doc = { 'a/b': { 'c~d': ['x', { t: 'found' }] } };
    expect(lookup(doc, '/a~1b/c~0d/1/t')).toEqual({ found: true, value: 'found' });
    expect(lookup(doc, '/a~1b/c~0d/2')).toEqual({ found: false });
    expect(lookup(doc, "$['a/b']['c~d'][1].t")).toEqual({ found: true, value: 'found' });
  });
});
