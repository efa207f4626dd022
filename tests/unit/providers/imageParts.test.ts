/**
 * Attached images on the wire, per protocol family, as the fixture servers receive them; and the
 * families without an image part (Spark, Qianfan v1, custom endpoints) refuse before sending.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicFactory } from '../../../src/main/core/providers/anthropic';
import { geminiFactory } from '../../../src/main/core/providers/gemini';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import type { ProviderRequest } from '../../../src/main/core/providers/provider';
import { qianfanFactory } from '../../../src/main/core/providers/qianfan';
import { sparkFactory } from '../../../src/main/core/providers/spark';
import { startAnthropicFixture, type AnthropicFixture } from '../../fixtures/anthropicServer';
import { startGeminiFixture, type GeminiFixture } from '../../fixtures/geminiServer';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startQianfanFixture, type QianfanFixture } from '../../fixtures/qianfanServer';
import { startSparkFixture, type SparkFixture } from '../../fixtures/sparkServer';
import { expectAppError, run } from './providerTestKit';

const PNG = { name: 'dot.png', mimeType: 'image/png', data: 'iVBORw0KGgo=' };
const JPEG = { name: 'photo.jpg', mimeType: 'image/jpeg', data: '/9j/4AAQ' };
const DOCUMENT_TEXT = '<document name="notes.txt">\nThe harbour opens at nine.\n</document>\n\nWhen does it open?';
const request = (model: string): ProviderRequest => ({
  model,
  messages: [
    { role: 'user', content: 'What is this?', images: [PNG] },
    { role: 'assistant', content: 'A dot.' },
    { role: 'user', content: DOCUMENT_TEXT, images: [JPEG] },
  ],
});

let openai: OpenAIFixture;
let anthropic: AnthropicFixture;
let gemini: GeminiFixture;
let spark: SparkFixture;
let qianfan: QianfanFixture;
const SPARK = { appId: 'a1b2c3d4', apiKey: 'spark-fixture-apikey-0123456789ab', apiSecret: 'spark-fixture-secret-0123456789ab' };
beforeAll(async () => {
  [openai, anthropic, gemini, spark, qianfan] = await Promise.all([
    startOpenAIFixture({ apiKey: 'sk-openai-image-key-1234' }),
    startAnthropicFixture({ apiKey: 'sk-ant-image-key-1234' }),
    startGeminiFixture({ apiKey: 'gemini-image-key-1234' }),
    startSparkFixture(SPARK),
    startQianfanFixture({ apiKey: 'qianfan-ak-1234', secretKey: 'qianfan-sk-1234' }),
  ]);
});
afterAll(async () => {
  await Promise.all([openai.close(), anthropic.close(), gemini.close(), spark.close(), qianfan.close()]);
});

describe('image parts on the wire', () => {
  it('OpenAI-compatible: text part, then image_url parts with data URLs and detail', async () => {
    openai.setScenario({ kind: 'answer', text: 'ok' });
    const out = await run(openAICompatibleFactory.create({ baseUrl: openai.url, apiKey: 'sk-openai-image-key-1234' }, { fetch }), request('gpt-4o'));
    expect(out.error).toBeUndefined();
    const body = openai.requests.at(-1)?.body as { messages: unknown[] };
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'auto' } }] },
      { role: 'assistant', content: 'A dot.' },
      { role: 'user', content: [{ type: 'text', text: DOCUMENT_TEXT }, { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/4AAQ', detail: 'auto' } }] },
    ]);
  });

  it('Anthropic: image blocks with a base64 source, before the text', async () => {
    anthropic.setScenario({ kind: 'answer', text: 'ok' });
    const out = await run(anthropicFactory.create({ baseUrl: anthropic.url, apiKey: 'sk-ant-image-key-1234' }, { fetch }), request('claude-fixture-4'));
    expect(out.error).toBeUndefined();
    const body = anthropic.requests.at(-1)?.body as { messages: unknown[] };
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } }, { type: 'text', text: 'What is this?' }] },
      { role: 'assistant', content: 'A dot.' },
      { role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/4AAQ' } }, { type: 'text', text: DOCUMENT_TEXT }] },
    ]);
  });

  it('Gemini: inline_data parts, then the text part; an image-only question keeps its image', async () => {
    gemini.setScenario({ kind: 'answer', text: 'ok' });
    const provider = geminiFactory.create({ baseUrl: gemini.url, apiKey: 'gemini-image-key-1234' }, { fetch });
    expect((await run(provider, request('gemini-fixture-flash'))).error).toBeUndefined();
    const body = gemini.requests.at(-1)?.body as { contents: unknown[] };
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ inline_data: { mime_type: 'image/png', data: 'iVBORw0KGgo=' } }, { text: 'What is this?' }] },
      { role: 'model', parts: [{ text: 'A dot.' }] },
      { role: 'user', parts: [{ inline_data: { mime_type: 'image/jpeg', data: '/9j/4AAQ' } }, { text: DOCUMENT_TEXT }] },
    ]);
    gemini.setScenario({ kind: 'answer', text: 'ok' });
    await run(provider, { model: 'gemini-fixture-flash', messages: [{ role: 'user', content: '', images: [PNG] }] });
    expect((gemini.requests.at(-1)?.body as { contents: unknown[] }).contents).toEqual([
      { role: 'user', parts: [{ inline_data: { mime_type: 'image/png', data: 'iVBORw0KGgo=' } }] },
    ]);
  });

  it('Spark and Qianfan v1 refuse images with a translated error and send nothing', async () => {
    const sparkOut = await run(sparkFactory.create({ baseUrl: spark.url, ...SPARK }, { fetch }), request('generalv3.5'));
    expect(expectAppError(sparkOut.error).messageKey).toBe('attachmentErrors.noVision');
    expect(spark.requests).toEqual([]);
    const qianfanOut = await run(qianfanFactory.create({ baseUrl: qianfan.url, apiKey: 'qianfan-ak-1234', apiSecret: 'qianfan-sk-1234' }, { fetch }), request('ernie-4.0-8k'));
    expect(expectAppError(qianfanOut.error).messageKey).toBe('attachmentErrors.noVision');
    expect(qianfan.requests).toEqual([]);
  });
});
