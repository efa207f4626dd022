/**
 * Issue 16's per-conversation choice and image results, through a whole core: the real
 * server-everything and server-filesystem (stdio) as two servers, an OpenAI-compatible fixture
 * model that shows which tools it was offered, and the attachment store keeping what
 * server-everything's image tool returns.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withStoredImages } from '../../../src/main/core/chat/toolImages';
import { exportedAttachments } from '../../../src/main/core/history/transfer/attachmentExport';
import type { BrookExport } from '../../../src/main/core/history/transfer/brookJson';
import { toolIdOf } from '../../../src/main/core/tools';
import { IMPORT_CHUNK_CHARS } from '../../../src/shared/contract';
import type { ToolChoice, ToolResultContent, ToolStep } from '../../../src/shared/toolCalls';
import { isRecord } from '../../fixtures/httpFixtureKit';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startCore } from '../../support/coreKit';
import { EVERYTHING_BIN, FILESYSTEM_BIN } from './tools/mcpKit';

let fixture: OpenAIFixture;
beforeAll(async () => {
  fixture = await startOpenAIFixture();
});
afterAll(() => fixture.close());

const cores: ReturnType<typeof startCore>[] = [];
afterEach(async () => {
  for (const k of cores.splice(0)) await k.core.shutdown();
});

const folder = mkdtempSync(join(tmpdir(), 'brook-choice-fs-'));
const offeredNames = (body: unknown): string[] =>
  isRecord(body) && Array.isArray(body.tools) ? body.tools.flatMap((t: unknown) => (isRecord(t) && isRecord(t.function) ? [String(t.function.name)] : [])) : [];

async function kit() {
  const k = startCore({ autoTitle: false });
  cores.push(k);
  await k.call('providers.save', { draft: { name: 'Fixture', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' } });
  await k.call('tools.importJson', {
    json: JSON.stringify({
      mcpServers: { Everything: { command: process.execPath, args: [EVERYTHING_BIN, 'stdio'] }, Files: { command: process.execPath, args: [FILESYSTEM_BIN, folder] } },
    }),
  });
  const servers = await k.call('toolCalls.servers', {});
  const id = (name: string) => servers.find((s) => s.serverName === name)!.serverId;
  const c = await k.call('conversations.create', {});
  const send = async (text: string) => {
    const { assistantMessage } = await k.call('chat.send', { conversationId: c.id, text });
    return k.ended(assistantMessage.id);
  };
  const choose = (choice: ToolChoice | null) => k.call('toolCalls.setSelection', { conversationId: c.id, choice });
  return { k, c, servers, everything: id('Everything'), files: id('Files'), send, choose };
}

describe('a conversation’s choice of servers and tools', () => {
  it('offers only the chosen server, without the tools switched off; off keeps the choice; null is the default again', async () => {
    const t = await kit();
    expect(t.servers.map((s) => s.serverName).sort()).toEqual(['Everything', 'Files']);
    fixture.setResponder(() => ({ kind: 'answer', text: 'No tools needed.' }));
    const sum = toolIdOf(t.everything, 'get-sum');
    const chosen = await t.choose({ on: true, serverIds: [t.everything], offToolIds: [sum] });
    expect(chosen).toMatchObject({ on: true, serverIds: [t.everything], offToolIds: [sum], isDefault: false });

    fixture.clearRequests();
    await t.send('one');
    const offered = offeredNames(fixture.requests[0]!.body);
    expect(offered).toContain('echo');
    expect(offered).toContain('get-tiny-image');
    expect(offered).not.toContain('get-sum');
    expect(offered).not.toContain('read_text_file');

    // Both servers, but Files' write tool switched off.
    await t.choose({ on: true, serverIds: ['*'], offToolIds: [toolIdOf(t.files, 'write_file')] });
    fixture.clearRequests();
    await t.send('two');
    const both = offeredNames(fixture.requests[0]!.body);
    expect(both).toEqual(expect.arrayContaining(['echo', 'get-sum', 'read_text_file']));
    expect(both).not.toContain('write_file');

    // The switch off: no tools at all, and the choice is still there for switching back on.
    const off = await t.choose({ on: false, serverIds: [t.everything], offToolIds: [sum] });
    expect(off).toMatchObject({ on: false, serverIds: [t.everything], offToolIds: [sum] });
    fixture.clearRequests();
    await t.send('three');
    expect(isRecord(fixture.requests[0]!.body) && 'tools' in fixture.requests[0]!.body).toBe(false);

    await t.k.call('toolCalls.setSettings', { enabledByDefault: true });
    expect(await t.choose(null)).toMatchObject({ on: true, serverIds: ['*'], offToolIds: [], isDefault: true });
  }, 40_000);
});

describe('image results kept as attachments', () => {
  it('stores the image once, links it to the answer, carries only its id, and sweeps it with the message', async () => {
    const t = await kit();
    await t.k.call('toolCalls.setSettings', { approval: 'auto' });
    await t.choose({ on: true, serverIds: [t.everything], offToolIds: [] });
    fixture.setResponder((body) => {
      const messages = isRecord(body) && Array.isArray(body.messages) ? body.messages : [];
      const last: unknown = messages.at(-1);
      if (isRecord(last) && last.role === 'tool') return { kind: 'answer', text: `Seen: ${String(last.content)}` };
      return { kind: 'answer', text: 'Fetching the image.', toolCalls: [{ id: `call_${messages.length}`, name: 'get-tiny-image', arguments: '{}' }] };
    });

    const first = await t.send('show me the image');
    expect(first.status).toBe('done');
    const parts = first.toolSteps![0]!.result!;
    const image = parts.find((p) => p.type === 'attachment');
    expect(image).toMatchObject({ type: 'attachment', name: 'get-tiny-image-1.png', mimeType: 'image/png' });
    expect(parts.some((p) => p.type === 'image')).toBe(false);
    const attachmentId = image!.type === 'attachment' ? image!.attachmentId : '';
    // The model was told an image was shown; no bytes went to it or to the windows.
    expect(first.content).toMatch(/Seen: .*\[image image\/png, \d+ bytes, shown to the user\]/s);
    const streamed = JSON.stringify(t.k.events.filter((e) => e.name === 'stream'));
    expect(streamed).toContain(attachmentId);
    expect(streamed).not.toMatch(/"data":"iVBOR/);

    const stored = await t.k.call('attachments.get', { id: attachmentId });
    expect(stored).toMatchObject({ kind: 'image', mime: 'image/png' });
    expect(stored.width).toBeGreaterThan(0);
    expect((await t.k.call('attachments.thumbnail', { id: attachmentId, size: 'small' })).dataUrl).toMatch(/^data:image\/png;base64,/);
    // Linked to the answer (kept, exported and backed up with it), and in the history's step.
    const [answer] = (await t.k.call('conversations.messages', { id: t.c.id })).filter((m) => m.role === 'assistant');
    expect(answer!.attachments?.map((a) => a.id)).toEqual([attachmentId]);
    expect(answer!.toolSteps![0]!.result).toEqual(parts);
    const db = t.k.core.history.database;
    const exported = await exportedAttachments(db, [answer!.id], (sha) => readFile(t.k.core.attachments.blobs.pathOf(sha)));
    expect(exported.get(answer!.id)?.[0]).toMatchObject({ name: 'get-tiny-image-1.png', kind: 'image' });
    // The exports a user makes carry it: the HTML page shows it, the JSON file holds the step and the file.
    const html = await t.k.call('transfer.exportConversation', { id: t.c.id, format: 'html' });
    expect(html.text).toMatch(/<figure class="image"><img src="data:image\/png;base64,[^"]+" alt="get-tiny-image-1.png">/);
    const json = await t.k.call('transfer.exportConversation', { id: t.c.id, format: 'json' });
    const exportedAnswer = (JSON.parse(json.text) as { conversations: { messages: Record<string, unknown>[] }[] }).conversations[0]!.messages.find((m) => m.id === answer!.id)!;
    expect(exportedAnswer.toolSteps).toEqual(answer!.toolSteps);
    expect(exportedAnswer.attachments).toEqual([expect.objectContaining({ name: 'get-tiny-image-1.png', kind: 'image', data: expect.stringMatching(/^iVBOR/) })]);

    // The same image again, in a second version of the answer: a new attachment, the same file.
    const { assistantMessage } = await t.k.call('chat.retry', { conversationId: t.c.id, messageId: first.id });
    const second = await t.k.ended(assistantMessage.id);
    const again = second.toolSteps![0]!.result!.find((p) => p.type === 'attachment');
    expect(again && again.type === 'attachment' && again.attachmentId).not.toBe(attachmentId);
    expect(t.k.core.attachments.blobs.list()).toHaveLength(1);
    const file = t.k.core.attachments.blobs.pathOf(t.k.core.attachments.blobs.list()[0]!);

    // Deleting one answer keeps the file the other still shows; deleting both sweeps it.
    await t.k.call('conversations.deleteMessage', { id: t.c.id, messageId: first.id });
    t.k.core.attachments.sweep();
    expect(existsSync(file)).toBe(true);
    await t.k.call('conversations.deleteMessage', { id: t.c.id, messageId: second.id });
    t.k.core.attachments.sweep();
    expect(existsSync(file)).toBe(false);
  }, 40_000);
});

describe('image results the store cannot keep', () => {
  it('become a note in the step (a type Brook does not keep, bytes that are no image, too many bytes), and leave no file', async () => {
    const k = startCore({ autoTitle: false });
    cores.push(k);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
    const parts = await withStoredImages(
      [
        { type: 'text', text: 'three pictures' },
        { type: 'image', mimeType: 'image/svg+xml', data: svg },
        { type: 'image', mimeType: 'image/png', data: Buffer.from('not a png').toString('base64') },
        { type: 'image', mimeType: 'image/png', data: Buffer.alloc(21 * 1024 * 1024).toString('base64') },
      ],
      k.core.attachments,
      'draw/things',
    );
    expect(parts).toEqual([
      { type: 'text', text: 'three pictures' },
      { type: 'text', text: `[image image/svg+xml, ${Buffer.from(svg, 'base64').length} bytes, not kept: a type Brook does not keep]` },
      { type: 'text', text: '[image image/png, 9 bytes, not kept: not a readable image]' },
      { type: 'text', text: `[image image/png, ${21 * 1024 * 1024} bytes, not kept: larger than 20 MB]` },
    ]);
    expect(k.core.attachments.blobs.list()).toEqual([]);
  });
});

describe('tool steps in a Brook JSON export', () => {
  /** A fresh core with the file imported the way the window sends it (in parts). */
  async function imported(text: string) {
    const k = startCore({ autoTitle: false });
    cores.push(k);
    const parts = Math.max(1, Math.ceil(text.length / IMPORT_CHUNK_CHARS));
    for (let i = 0; i < parts; i++) {
      const slice = text.slice(i * IMPORT_CHUNK_CHARS, (i + 1) * IMPORT_CHUNK_CHARS);
      await k.call('transfer.importChunk', { uploadId: 'steps', index: i, last: i === parts - 1, text: slice });
    }
    return k;
  }
  const withImage = (steps: ToolStep[], attachmentId: string | null): ToolStep[] =>
    steps.map((s) => ({
      ...s,
      result: s.result!.flatMap<ToolResultContent>((p) => (p.type !== 'attachment' ? [p] : attachmentId === null ? [] : [{ ...p, attachmentId }])),
    }));

  it('come back on import: the same steps, the image on the stored copy of its file, the result text found by search', async () => {
    const t = await kit();
    await t.k.call('toolCalls.setSettings', { approval: 'auto' });
    await t.choose({ on: true, serverIds: [t.everything], offToolIds: [] });
    fixture.setResponder((body) => {
      const messages = isRecord(body) && Array.isArray(body.messages) ? body.messages : [];
      const last: unknown = messages.at(-1);
      // The answer does not repeat the result: a search hit can only come from the tool's text.
      if (isRecord(last) && last.role === 'tool') return { kind: 'answer', text: 'Seen it.' };
      return { kind: 'answer', text: 'Fetching it.', toolCalls: [{ id: 'call_1', name: 'get-tiny-image', arguments: '{}' }] };
    });
    const answer = await t.send('show me the picture');
    const steps = answer.toolSteps!;
    const sourceImage = steps[0]!.result!.find((p) => p.type === 'attachment');
    const sourceId = sourceImage?.type === 'attachment' ? sourceImage.attachmentId : '';
    expect(steps[0]!.result!.map((p) => p.type)).toEqual(['text', 'attachment', 'text']);
    const file = (await t.k.call('transfer.exportConversation', { id: t.c.id, format: 'json' })).text;

    const target = await imported(file);
    const [copy] = (await target.call('conversations.messages', { id: t.c.id })).filter((m) => m.role === 'assistant');
    const [image] = copy!.attachments!;
    expect(image!.id).not.toBe(sourceId);
    expect(copy!.toolSteps).toEqual(withImage(steps, image!.id));
    expect((await target.core.attachments.original(image!.id)).equals(await t.k.core.attachments.original(sourceId))).toBe(true);
    const page = await target.call('history.search', { query: 'MCP logo' });
    expect(page.hits.map((h) => h.messageId)).toEqual([copy!.id]);

    // A file from before exports named attachment ids: the steps come back without the image they cannot point at.
    const older = JSON.parse(file) as BrookExport;
    for (const m of older.conversations[0]!.messages) for (const a of m.attachments ?? []) delete a.id;
    const fromOlder = await imported(JSON.stringify(older));
    const [oldCopy] = (await fromOlder.call('conversations.messages', { id: t.c.id })).filter((m) => m.role === 'assistant');
    expect(oldCopy!.attachments).toHaveLength(1);
    expect(oldCopy!.toolSteps).toEqual(withImage(steps, null));
  }, 40_000);
});
