import { request } from 'node:http';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app/createCore';
import type { Conversation, Message } from '../../../src/shared/domain';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { waitUntil } from '../../support/answerEnds';
import { startCore } from '../../support/coreKit';

const PROVIDER_KEY = 'sk-provider-secret-987';
let fixture: OpenAIFixture;
let core: Core;
let baseURL: string;
let apiKey: string;
const logs: string[] = [];

beforeAll(async () => {
  fixture = await startOpenAIFixture({ apiKey: PROVIDER_KEY });
  core = startCore({ log: (m) => logs.push(m) }).core;
  core.handlers['providers.save']({
    draft: {
      name: 'Fixture',
      kind: 'openai-compatible',
      presetId: 'custom',
      baseUrl: fixture.url,
      defaultModel: 'fixture-chat',
      apiKey: PROVIDER_KEY,
      contextWindow: 4096,
    },
  });
  core.handlers['settings.update']({ localApi: { enabled: true } });
  await core.local.apply();
  const status = core.local.status().api;
  baseURL = status.baseUrl!;
  apiKey = status.key!;
});

afterAll(async () => {
  await core.shutdown();
  await fixture.close();
});

const client = (key = apiKey) => new OpenAI({ baseURL, apiKey: key, maxRetries: 0, timeout: 10_000 });

describe('local OpenAI-compatible API, through the official openai client', () => {
  it('is off by default, listens on 127.0.0.1 and issues a brook- key', async () => {
    expect(baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(apiKey).toMatch(/^brook-[\w-]{20,}$/);
    const fresh = startCore();
    await fresh.core.ready;
    expect(fresh.core.local.status().api).toMatchObject({ enabled: false, running: false, baseUrl: null });
    await fresh.core.shutdown();
  });

  it('lists the configured provider/model pairs', async () => {
    const models = await client().models.list();
    expect(models.data.map((m) => m.id)).toEqual(['Fixture/fixture-chat']);
  });

  it('streams an answer from the provider, with the provider key kept inside Brook', async () => {
    fixture.clearRequests();
    const stream = await client().chat.completions.create({
      model: 'Fixture/fixture-chat',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello stream' },
      ],
      stream: true,
    });
    let text = '';
    let finish: string | null = null;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe('You said: hello stream');
    expect(chunks).toBeGreaterThan(3);
    expect(finish).toBe('stop');
    const upstream = fixture.requests.at(-1)!;
    expect(upstream.headers.authorization).toBe(`Bearer ${PROVIDER_KEY}`);
    expect(upstream.body).toMatchObject({
      model: 'fixture-chat',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello stream' },
      ],
    });
  });

  it('passes image_url data URLs to a vision model as image parts, and refuses them for a text-only model before sending', async () => {
    const dot = 'data:image/png;base64,iVBORw0KGgo=';
    const messages = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'what is this' }, { type: 'image_url' as const, image_url: { url: dot } }] }];
    fixture.clearRequests();
    const answer = await client().chat.completions.create({ model: 'Fixture/gpt-4o', messages });
    expect(answer.choices[0]?.message.content).toBeTruthy();
    expect((fixture.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'what is this' }, { type: 'image_url', image_url: { url: dot, detail: 'auto' } }] },
    ]);

    fixture.clearRequests();
    const refused = await client().chat.completions.create({ model: 'Fixture/fixture-chat', messages }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as Error).message).toContain('fixture-chat cannot see images');
    expect(fixture.requests).toEqual([]);

    const remote = await client()
      .chat.completions.create({ model: 'Fixture/gpt-4o', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }] })
      .catch((e: unknown) => e);
    expect(remote).toBeInstanceOf(OpenAI.BadRequestError);
    expect(fixture.requests).toEqual([]);
  });

  it('answers without streaming, and a bare provider name means its default model', async () => {
    const completion = await client().chat.completions.create({ model: 'Fixture', messages: [{ role: 'user', content: 'not streamed' }] });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message).toMatchObject({ role: 'assistant', content: 'You said: not streamed' });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.model).toBe('Fixture');
  });

  it('a wrong key gets 401 (AuthenticationError), and the key is never logged', async () => {
    await expect(client('brook-wrong').models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const err = await client('brook-wrong')
      .chat.completions.create({ model: 'Fixture', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((err as InstanceType<typeof OpenAI.AuthenticationError>).status).toBe(401);
    expect((err as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe('invalid_api_key');
    expect(logs.join('\n')).not.toContain(apiKey);
    expect(logs.join('\n')).not.toContain(PROVIDER_KEY);
  });

  it('errors come in OpenAI’s envelope with the right status', async () => {
    const unknown = await client().chat.completions.create({ model: 'Nope/x', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect((unknown as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found');

    const bad = await client().chat.completions.create({ model: 'Fixture', messages: [] }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);

    const tooLong = await client()
      .chat.completions.create({ model: 'Fixture', messages: [{ role: 'user', content: 'word '.repeat(20_000) }] })
      .catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(OpenAI.BadRequestError);
    expect((tooLong as InstanceType<typeof OpenAI.BadRequestError>).code).toBe('context_length_exceeded');

    fixture.setScenario({ kind: 'http-error', status: 429, headers: { 'retry-after': '7' } });
    const limited = await client().chat.completions.create({ model: 'Fixture', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    fixture.setScenario(null);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect((limited as InstanceType<typeof OpenAI.RateLimitError>).headers?.get('retry-after')).toBe('7');

    const raw = await fetch(`${baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_json' } });

    const fromPage = await fetch(`${baseURL}/models`, { headers: { authorization: `Bearer ${apiKey}`, origin: 'https://evil.example' } });
    expect(fromPage.status).toBe(403);
    // A page that re-pointed its own name at 127.0.0.1 sends no Origin, but its Host gives it away.
    const rebound = await new Promise<number>((resolve, reject) => {
      const port = new URL(baseURL).port;
      request({ host: '127.0.0.1', port, path: '/v1/models', headers: { host: `evil.example:${port}`, authorization: `Bearer ${apiKey}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(rebound).toBe(403);
  });

  it('a provider failing mid-stream reaches the client as an error', async () => {
    const stream = await client().chat.completions.create({ model: 'Fixture', messages: [{ role: 'user', content: '/error please' }], stream: true });
    const consume = async () => {
      for await (const _ of stream) {
        // reading until it fails
      }
    };
    await expect(consume()).rejects.toBeInstanceOf(OpenAI.APIError);
  });

  it('can save API chats to the history as conversations marked api', async () => {
    const created: Conversation[] = [];
    const off = core.bus.on((name, payload) => {
      if (name === 'conversation.created') created.push(payload as Conversation);
    });
    core.handlers['settings.update']({ localApi: { saveToHistory: true } });
    const completion = await client().chat.completions.create({
      model: 'Fixture/fixture-chat',
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'earlier answer' },
        { role: 'user', content: 'saved turn' },
      ],
    });
    off();
    core.handlers['settings.update']({ localApi: { saveToHistory: false } });
    expect(completion.choices[0]?.message.content).toBe('You said: saved turn');
    expect(created).toHaveLength(1);
    const conversation = created[0]!;
    expect(conversation.origin).toBe('api');
    await waitUntil(() => (core.handlers['conversations.messages']({ id: conversation.id }) as Message[]).at(-1)?.status === 'done');
    const messages = core.handlers['conversations.messages']({ id: conversation.id }) as Message[];
    expect(messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'first'],
      ['assistant', 'earlier answer'],
      ['user', 'saved turn'],
      ['assistant', 'You said: saved turn'],
    ]);
    expect((core.handlers['conversations.list']({ origin: 'api' }) as Conversation[]).map((c) => c.id)).toContain(conversation.id);
  });

  it('a new key replaces the old one at once', async () => {
    const old = apiKey;
    const status = core.handlers['local.renewApiKey']({}) as { api: { key: string } };
    apiKey = status.api.key;
    expect(apiKey).not.toBe(old);
    await expect(client(old).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    expect((await client().models.list()).data.length).toBe(1);
  });
});
