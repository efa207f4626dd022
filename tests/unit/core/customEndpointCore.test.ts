/**
 * The custom kind through the whole core: saved with a secret header (kept out of settings and
 * views), chatted with (the stored text and the request exactly), trimmed to its window,
 * tested (frames beside their extraction), exported and imported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customEndpointSchema, exportCustomEndpoint, importCustomEndpoint, type CustomEndpoint } from '../../../src/shared/customEndpoint';
import { CUSTOM_ENDPOINT_PRESETS, findCustomEndpointPreset } from '../../../src/shared/customEndpointPresets';
import { codeMsgData, type CustomHttpFixture, SSE, sseEvent, startCustomHttpFixture } from '../../fixtures/customEndpointServers';
import { startCore } from '../../support/coreKit';

let http: CustomHttpFixture;
beforeAll(async () => {
  http = await startCustomHttpFixture();
});
afterAll(() => http.close());

const SECRET = 'Bearer sk-custom-secret-42';

function endpoint(patch: Partial<CustomEndpoint> = {}): CustomEndpoint {
  const base = structuredClone(findCustomEndpointPreset('code-msg-data')?.endpoint) as CustomEndpoint;
  const headers = [...base.request.headers, { name: 'Authorization', value: SECRET, secret: true }];
  return customEndpointSchema.parse({ ...base, request: { ...base.request, url: `${http.url}/api/chat`, headers }, ...patch });
}

async function saveProvider(kit: ReturnType<typeof startCore>, e: CustomEndpoint = endpoint()) {
  return kit.call('providers.save', { draft: { name: 'My backend', kind: 'custom', presetId: 'custom-endpoint', baseUrl: '', defaultModel: 'house-model', custom: e } });
}

describe('a custom endpoint in the core', () => {
  it('keeps the secret header in the secret store only, and chats: stored text and request exact', async () => {
    const kit = startCore();
    const view = await saveProvider(kit);
    expect(view.custom?.request.headers.find((h) => h.name === 'Authorization')?.value).toBe('');
    expect(view.storedSecretHeaders).toEqual(['Authorization']);
    expect(JSON.stringify(kit.core.settings.read())).not.toContain('sk-custom-secret-42');
    expect(readFileSync(join(kit.dataDir, 'keys.json'), 'utf8')).toContain('sk-custom-secret-42');

    const question = 'Quote "this", a\\b, new\nline 😀';
    http.serve({ kind: 'raw', headers: SSE, chunks: codeMsgData(['Réponse ', '中文 ', '😀']) });
    const conversation = await kit.call('conversations.create', {});
    const { assistantMessage } = await kit.call('chat.send', { conversationId: conversation.id, text: question });
    const answer = await kit.ended(assistantMessage.id);
    expect(answer.status).toBe('done');
    expect(answer.content).toBe('Réponse 中文 😀');
    const sent = http.requests.at(-1);
    expect(sent?.rawBody).toBe(`{"cid": ${JSON.stringify(conversation.id)}, "question": ${JSON.stringify(question)}, "model": "house-model"}`);
    expect(sent?.headers.authorization).toBe(SECRET);
  });

  it('keeps the partial text when the stream fails mid-answer, with the translated key', async () => {
    const kit = startCore();
    await saveProvider(kit);
    http.serve({ kind: 'raw', headers: SSE, chunks: codeMsgData(['kept ', 'x'], { errorAt: { index: 1, code: 7, msg: 'boom' } }) });
    const conversation = await kit.call('conversations.create', {});
    const { assistantMessage } = await kit.call('chat.send', { conversationId: conversation.id, text: 'hi' });
    const answer = await kit.ended(assistantMessage.id);
    expect(answer.status).toBe('error');
    expect(answer.content).toBe('kept ');
    expect(answer.error?.messageKey).toBe('customEndpoint.errors.errorFrame');
    expect(answer.error?.params).toMatchObject({ frame: 2, message: 'boom' });
  });

  it('trims the conversation to the description’s context window', async () => {
    const kit = startCore();
    const view = await saveProvider(kit, endpoint({ contextWindow: 600 }));
    expect(view.contextWindow).toBe(600);
    const conversation = await kit.call('conversations.create', {});
    for (let i = 0; i < 4; i++) {
      http.serve({ kind: 'raw', headers: SSE, chunks: codeMsgData(['ok']) });
      const { assistantMessage } = await kit.call('chat.send', { conversationId: conversation.id, text: `${i} ${'long words here '.repeat(40)}` });
      const answer = await kit.ended(assistantMessage.id);
      expect(answer.status).toBe('done');
      if (i === 3) expect(answer.context?.sent).toBeLessThan(answer.context?.total ?? 0);
      if (i === 3) expect(answer.context?.contextWindow).toBe(600);
    }
  });

  it('Test returns each frame beside its extraction, and names the failing frame and path', async () => {
    const kit = startCore();
    const view = await saveProvider(kit);
    http.serve({ kind: 'raw', headers: SSE, chunks: codeMsgData(['He', 'llo']) });
    const draft = { name: 'x', kind: 'custom' as const, presetId: 'custom-endpoint', baseUrl: '', defaultModel: 'm', custom: view.custom ?? undefined };
    const ok = await kit.call('customEndpoint.test', { id: view.id, draft, question: 'Hi' });
    expect(ok.status).toBe(200);
    expect(ok.frames.map((f) => [f.text, f.end])).toEqual([['He', false], ['llo', false], ['', true]]);
    expect(ok.frames[0]?.raw).toBe('{"code":0,"msg":"ok","data":{"text":"He","cid":"c1"}}');
    expect([ok.text, ok.ended, ok.error]).toEqual(['Hello', true, null]);
    // The stored secret was used although the view's value is blank.
    expect(http.requests.at(-1)?.headers.authorization).toBe(SECRET);

    http.serve({ kind: 'raw', headers: SSE, chunks: [sseEvent('{"code":0,"data":{"text":"a"}}'), sseEvent('{"code":0,"result":"b"}')] });
    const bad = await kit.call('customEndpoint.test', { id: view.id, draft, question: 'Hi' });
    expect(bad.frames).toHaveLength(2);
    expect(bad.frames[1]?.error).toMatchObject({ messageKey: 'customEndpoint.errors.pathMissed', params: { frame: 2, path: '$.data.text' } });
    expect(bad.frames[1]?.error?.detail).toContain('Frame 2: $.data.text matches nothing');
    expect(bad.error).toMatchObject({ messageKey: 'customEndpoint.errors.pathMissed', params: { frame: 2, path: '$.data.text' } });
  });

  it('refuses to send a kept secret header to another origin', async () => {
    const kit = startCore();
    const view = await saveProvider(kit);
    const moved = { ...(view.custom as CustomEndpoint), request: { ...(view.custom as CustomEndpoint).request, url: 'https://elsewhere.example/api' } };
    await expect(kit.call('providers.save', { id: view.id, draft: { name: 'x', kind: 'custom', presetId: 'custom-endpoint', baseUrl: '', defaultModel: 'm', custom: moved } })).rejects.toMatchObject({
      messageKey: 'errors.reenterKey',
    });
  });
});

describe('import and export', () => {
  it('round-trips a description without its secret values', () => {
    const text = exportCustomEndpoint('My backend', 'house-model', endpoint());
    expect(text).not.toContain('sk-custom-secret-42');
    const back = importCustomEndpoint(text);
    expect(back.ok && back.file.endpoint).toEqual({ ...endpoint(), request: { ...endpoint().request, headers: endpoint().request.headers.map((h) => (h.secret ? { ...h, value: '' } : h)) } });
    expect(back.ok && [back.file.name, back.file.model]).toEqual(['My backend', 'house-model']);
  });

  it('names the field that is wrong', () => {
    expect(importCustomEndpoint('{')).toEqual({ ok: false, problem: 'not JSON' });
    const wrong = JSON.parse(exportCustomEndpoint('n', 'm', endpoint())) as { endpoint: { stream: { format: string } } };
    wrong.endpoint.stream.format = 'carrier-pigeon';
    const outcome = importCustomEndpoint(JSON.stringify(wrong));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problem).toMatch(/^endpoint\.stream\.format: /);
  });

  it('refuses a path or an end marker on raw text chunks, which the network cuts anywhere', () => {
    const text = structuredClone(findCustomEndpointPreset('plain-text')?.endpoint) as CustomEndpoint;
    const bad = customEndpointSchema.safeParse({ ...text, extract: { ...text.extract, text: '$.t', end: { kind: 'literal', value: '[DONE]' } } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['extract.text', 'extract.end']);
  });

  it('takes a secret value in a shared file as blank', () => {
    const file = JSON.parse(exportCustomEndpoint('n', 'm', endpoint())) as { endpoint: CustomEndpoint };
    file.endpoint.request.headers = [{ name: 'X-Key', value: 'leaked', secret: true }];
    const outcome = importCustomEndpoint(JSON.stringify(file));
    expect(outcome.ok && outcome.file.endpoint.request.headers).toEqual([{ name: 'X-Key', value: '', secret: true }]);
  });

  it('every preset is a valid description that survives export and import', () => {
    for (const preset of CUSTOM_ENDPOINT_PRESETS) {
      expect(customEndpointSchema.parse(preset.endpoint)).toEqual(preset.endpoint);
      const back = importCustomEndpoint(exportCustomEndpoint(preset.id, '', preset.endpoint));
      expect(back.ok && back.file.endpoint).toEqual(preset.endpoint);
    }
  });
});

describe('error sentences', () => {
  it('every key the engine throws exists in both languages', async () => {
    const { en, zhCN } = await import('../../../src/shared/i18n/resources');
    const keys = ['unknownPlaceholder', 'badPath', 'errorFrame', 'malformedFrame', 'pathMissed', 'noEndSignal', 'silence', 'noDescription'];
    const sources = ['customEndpoint', 'customEndpointExtract', 'customEndpointTemplate'].map((f) => readFileSync(join(__dirname, `../../../src/main/core/providers/${f}.ts`), 'utf8')).join('\n');
    for (const key of keys) {
      expect(en.customEndpoint.errors).toHaveProperty(key);
      expect(zhCN.customEndpoint.errors).toHaveProperty(key);
    }
    const used = new Set([...sources.matchAll(/customEndpoint\.errors\.(\w+)|frameError\('(\w+)'/g)].map((m) => m[1] ?? m[2]));
    expect([...used].sort()).toEqual([...keys].sort());
  });
});
