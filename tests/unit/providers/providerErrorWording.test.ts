/**
 * Provider errors that used to mislead (issue #12 item 9), each against the OpenAI fixture over
 * real HTTP and through the whole core where the window, the feed and the local API word it.
 */
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app/createCore';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import { failureFromError } from '../../../src/main/core/servers/localApi/openaiErrors';
import { feedFrames } from '../../../src/main/core/servers/liveFeed/feedFrames';
import { translateError } from '../../../src/renderer/src/i18n/translateError';
import { AppError, type AppErrorData } from '../../../src/shared/errors';
import { errorText } from '../../../src/shared/i18n/errorText';
import { en, zhCN } from '../../../src/shared/i18n/resources';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startCore } from '../../support/coreKit';

let fx: OpenAIFixture;
let core: Core;
let kit: ReturnType<typeof startCore>;
let providerId: string;

beforeAll(async () => {
  fx = await startOpenAIFixture();
  kit = startCore();
  core = kit.core;
  providerId = (
    await kit.call('providers.save', {
      draft: { name: 'Fixture', kind: 'openai-compatible', presetId: 'custom', baseUrl: fx.url, defaultModel: 'fixture-chat' },
    })
  ).id;
  core.handlers['settings.update']({ localApi: { enabled: true } });
  await core.local.apply();
});
afterAll(async () => {
  await core.shutdown();
  await fx.close();
});
afterEach(() => fx.setScenario(null));

async function streamError(): Promise<AppError> {
  const p = openAICompatibleFactory.create({ baseUrl: fx.url, apiKey: null }, { fetch });
  try {
    for await (const _ of p.stream({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, new AbortController().signal)) void _;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('no error');
}

async function i18n(lng: 'en' | 'zh-CN') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
  return (e: AppErrorData) => translateError(instance.t, (k) => instance.exists(k), e);
}

async function localApi(body: object): Promise<{ status: number; json: { error?: { message: string }; choices?: { message: { content: string }; finish_reason: string }[] } }> {
  const { baseUrl, key } = core.local.status().api;
  const res = await fetch(`${baseUrl}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as never };
}

describe('context overflow, in each server’s own words, is "too long for this model"', () => {
  const shapes: [string, number, unknown][] = [
    ['llama.cpp', 400, { error: { code: 400, message: 'the request exceeds the available context size, try increasing it', type: 'exceed_context_size_error', n_prompt_tokens: 5000, n_ctx: 4096 } }],
    ['llama.cpp (older, 500)', 500, { error: { code: 500, message: 'the request exceeds the available context size, try increasing the context size or enable context shift', type: 'server_error' } }],
    ['vLLM (top-level object)', 400, { object: 'error', message: "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens in the messages, Please reduce the length of the messages.", type: 'BadRequestError', param: null, code: 400 }],
    ['vLLM (error envelope)', 400, { error: { message: "'max_tokens' or 'max_completion_tokens' is too large: 1000. This model's maximum context length is 4096 tokens and your request has 3500 input tokens", type: 'BadRequestError', param: null, code: 400 } }],
    ['Ollama', 400, { error: { message: 'the input length exceeds the context length', type: 'invalid_request_error', param: null, code: null } }],
    ['Ollama (runner)', 500, { error: { message: 'prompt too long; exceeded max context length by 6 tokens', type: 'api_error', param: null, code: null } }],
    ['LM Studio', 400, { error: 'Trying to keep the first 6152 tokens when context the overflows. However, the model is loaded with context length of only 4096 tokens, which is not enough. Try to load the model with a larger context length, or provide a shorter input' }],
  ];
  it.each(shapes)('%s', async (_name, status, body) => {
    fx.setScenario({ kind: 'http-error', status, body });
    const err = await streamError();
    expect(err.code).toBe('context_too_long');
    expect(errorText('en', err.toJSON())).toMatch(/too long for the model/);
  });

  it('leaves an ordinary 400 a bad request', async () => {
    fx.setScenario({ kind: 'http-error', status: 400, body: { error: { message: 'temperature must be at most 2', type: 'invalid_request_error' } } });
    expect((await streamError()).code).toBe('bad_request');
  });
});

describe('a provider connection that drops mid-answer blames the provider, not the link to Brook', () => {
  it('in the window, the feed and the local API', async () => {
    fx.setScenario({ kind: 'answer', text: 'one two three four five six seven', interrupt: { afterTokens: 3, kind: 'drop' } });
    const err = (await streamError()).toJSON();
    expect(err.messageKey).toBe('errors.providerConnectionLost');
    const windowText = (await i18n('en'))(err);
    expect(windowText).toMatch(/connection to the provider dropped/);
    expect(windowText).not.toMatch(/Brook was lost/);
    expect((await i18n('zh-CN'))(err)).toMatch(/服务商/);
    const endEvent = { type: 'end', message: { id: 'm', status: 'error', error: err } };
    const feed = feedFrames('stream', { conversationId: 'c', messageId: 'm', event: endEvent } as never, (e) => errorText('en', e));
    expect(feed).toEqual([
      { type: 'error', status: true, msg: expect.stringMatching(/connection to the provider dropped/) as unknown, user: 'assistant', conversation_id: 'c' },
    ]);
    expect(failureFromError(AppError.fromJSON(err)).body.error.message).toMatch(/connection to the provider dropped/);
    fx.setScenario({ kind: 'answer', text: 'one two three four five six seven', interrupt: { afterTokens: 3, kind: 'drop' } });
    const api = await localApi({ model: 'Fixture/fixture-chat', messages: [{ role: 'user', content: 'hi' }] });
    expect(api.json.error?.message).toMatch(/connection to the provider dropped/);
  });
});

describe('retry-after is shown as "try again in N s"', () => {
  it('in the window (both languages), the feed/local API sentence, and the local API header', async () => {
    fx.setScenario({ kind: 'http-error', status: 429, headers: { 'retry-after': '7' } });
    const err = (await streamError()).toJSON();
    expect((await i18n('en'))(err)).toMatch(/Try again in 7 s\.$/);
    expect((await i18n('zh-CN'))(err)).toMatch(/7 秒后重试/);
    expect(errorText('en', err)).toMatch(/Try again in 7 s\.$/);
    expect(failureFromError(AppError.fromJSON(err)).headers['retry-after']).toBe('7');
  });
});

describe('finish_reason "stop" with no text is a finished, empty answer', () => {
  it('is saved as done (not an error) and the local API answers 200 with empty content', async () => {
    fx.setScenario({ kind: 'answer', tokens: [], finishReason: 'stop' });
    const conversation = await kit.call('conversations.create', { providerId, model: 'fixture-chat' });
    const sent = await kit.call('chat.send', { conversationId: conversation.id, text: 'say nothing' });
    const ended = await kit.ended(sent.assistantMessage.id);
    expect(ended.status).toBe('done');
    expect(ended.content).toBe('');
    expect(ended.error).toBeNull();
    fx.setScenario({ kind: 'answer', tokens: [], finishReason: 'stop' });
    const api = await localApi({ model: 'Fixture/fixture-chat', messages: [{ role: 'user', content: 'hi' }] });
    expect(api.status).toBe(200);
    expect(api.json.choices?.[0]).toMatchObject({ message: { content: '' }, finish_reason: 'stop' });
  });
});
