/**
 * A provider that echoes its key back — whole, minus a few characters, base64-encoded inside a
 * `Basic` credential, URL-encoded or in hex — cannot put it in the stored answer, an export, a
 * window's response or the local API's error body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app/createCore';
import { dispatch } from '../../../src/main/core/api';
import { redactSecrets } from '../../../src/shared/redactSecrets';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startCore } from '../../support/coreKit';

const KEY = 'sk-proj-Qv83mZr1x7TtLw0pKd92Hs';
const echoes = [
  `key ${KEY.slice(0, -2)} is invalid`,
  `basic ${Buffer.from(`user:${KEY}`).toString('base64')}`,
  `b64url ${Buffer.from(`x${KEY}`).toString('base64url')}`,
  `url ${encodeURIComponent(`${KEY}/`)}`,
  `hex ${Buffer.from(KEY).toString('hex')}`,
  `tail ${KEY.slice(5)}`,
];
/** What must never be found: a 10-character piece of the key, as it is or decoded from hex, URL or base64 at any alignment. */
function leaks(text: string): string[] {
  const readings = [text, decodeURIComponent(text.replace(/%(?![0-9A-F]{2})/gi, ''))];
  for (const token of text.match(/[A-Za-z0-9+/_-]{12,}=*/g) ?? []) {
    if (/^[0-9a-f]+$/i.test(token)) readings.push(Buffer.from(token, 'hex').toString('latin1'));
    for (let shift = 0; shift < 4; shift++) readings.push(Buffer.from(token.slice(shift), 'base64').toString('latin1'));
  }
  const found: string[] = [];
  for (let i = 0; i + 10 <= KEY.length; i++) if (readings.some((r) => r.includes(KEY.slice(i, i + 10)))) found.push(KEY.slice(i, i + 10));
  return found;
}

let fx: OpenAIFixture;
let kit: ReturnType<typeof startCore>;
let core: Core;

beforeAll(async () => {
  fx = await startOpenAIFixture({ apiKey: KEY });
  kit = startCore();
  core = kit.core;
  await kit.call('providers.save', {
    draft: { name: 'Echo', kind: 'openai-compatible', presetId: 'custom', baseUrl: fx.url, defaultModel: 'm', apiKey: KEY },
  });
  core.handlers['settings.update']({ localApi: { enabled: true } });
  await core.local.apply();
});
afterAll(async () => {
  await core.shutdown();
  await fx.close();
});

describe('secret redaction', () => {
  it('redacts fragments and encodings in plain text, and leaves other text alone', () => {
    for (const echo of echoes) expect(leaks(redactSecrets(echo, [KEY]))).toEqual([]);
    expect(redactSecrets('the model is overloaded, try later', [KEY])).toBe('the model is overloaded, try later');
  });

  it.each(echoes)('keeps "%s" out of the stored answer, exports, windows and the local API', async (echo) => {
    fx.setScenario({ kind: 'http-error', status: 400, body: { error: { message: echo, type: 'invalid_request_error' } } });
    const conversation = await kit.call('conversations.create', {});
    const sent = await kit.call('chat.send', { conversationId: conversation.id, text: 'hi' });
    const ended = await kit.ended(sent.assistantMessage.id);
    expect(ended.status).toBe('error');
    expect(leaks(JSON.stringify(ended))).toEqual([]);
    expect(leaks(JSON.stringify(core.history.requireMessage(ended.id)))).toEqual([]);
    const exported = await dispatch(core.handlers, 'transfer.exportConversation', { id: conversation.id, format: 'json' });
    expect(exported.ok).toBe(true);
    expect(leaks(JSON.stringify(exported))).toEqual([]);

    fx.setScenario({ kind: 'http-error', status: 400, body: { error: { message: echo, type: 'invalid_request_error' } } });
    const { baseUrl, key } = core.local.status().api;
    const res = await fetch(`${baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'Echo/m', messages: [{ role: 'user', content: 'hi' }] }),
    });
    const body = await res.text();
    expect(body).toMatch(/error/);
    expect(leaks(body)).toEqual([]);
  });
});
