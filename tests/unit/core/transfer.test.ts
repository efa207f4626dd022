import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_CHARS } from '../../../src/shared/contract';
import type { Message } from '../../../src/shared/domain';
import { startCore } from '../../support/coreKit';

const CHATGPT = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/chatgpt-conversations.json'), 'utf8');

const cores: ReturnType<typeof startCore>[] = [];
afterEach(async () => {
  for (const k of cores.splice(0)) await k.core.shutdown();
});
function kit() {
  const k = startCore({ autoTitle: false });
  cores.push(k);
  return k;
}

/** Sends a file the way the window does: in parts, the last one running the import. */
async function upload(k: ReturnType<typeof kit>, text: string, uploadId = `u${Math.random()}`) {
  const parts = Math.max(1, Math.ceil(text.length / IMPORT_CHUNK_CHARS));
  let result = null;
  for (let i = 0; i < parts; i++) {
    result = await k.call('transfer.importChunk', {
      uploadId,
      index: i,
      last: i === parts - 1,
      text: text.slice(i * IMPORT_CHUNK_CHARS, (i + 1) * IMPORT_CHUNK_CHARS),
    });
    if (i < parts - 1) expect(result).toBeNull();
  }
  return result!;
}

function allMessages(k: ReturnType<typeof kit>, conversationId: string): Message[] {
  return k.core.history.database
    .prepare('SELECT id, parent_id AS parentId, role, content, reasoning, status, model, created_at AS createdAt FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid')
    .all(conversationId) as Message[];
}

describe("importing ChatGPT's conversations.json", () => {
  it('keeps the whole tree, titles, dates and the branch that was shown', async () => {
    const k = kit();
    const result = await upload(k, CHATGPT);
    expect(result).toEqual({ format: 'chatgpt', conversations: 2, messages: 11, unchanged: 0 });
    const list = await k.call('conversations.list', {});
    const oslo = list.find((c) => c.title === 'Oslo weather in spring')!;
    const cn = list.find((c) => c.title === '图片中的天气')!;
    expect(oslo.createdAt).toBe(1714000000123);
    expect(oslo.updatedAt).toBe(Math.round((1714000000.123 + 105.5) * 1000));
    expect(cn.archived).toBe(true);

    const tree = allMessages(k, oslo.id);
    // hidden system/context nodes, the tool call and the tool output are left out
    expect(tree.map((m) => m.content)).toEqual([
      'What is the weather like in Oslo in spring?',
      'Spring in Oslo is cool: around 5–15 °C, with long, bright days by May.',
      'And in summer?',
      'Summer is mild, usually 15–22 °C.',
      'Regenerated: Oslo springs are crisp, 5 to 15 °C.',
      'What is the weather like in Bergen in spring?',
      'Bergen in spring is rainy and mild, about 6–14 °C.',
    ]);
    const [q1, a1, , , a1r, q1b, a1b] = tree as Message[];
    expect(q1!.parentId).toBeNull();
    expect(q1b!.parentId).toBeNull(); // an edited first question: another root
    expect(a1r!.parentId).toBe(q1!.id); // a regenerated answer: a sibling
    expect(a1b!.parentId).toBe(q1b!.id); // re-attached above the skipped tool nodes
    expect(a1!.model).toBe('gpt-4o');

    // current_node decides the visible branch, and the ‹ › places are there
    const visible = await k.call('conversations.messages', { id: oslo.id });
    expect(visible.map((m) => m.content.slice(0, 14))).toEqual(['What is the we', 'Spring in Oslo', 'And in summer?', 'Summer is mild']);
    expect(visible.map((m) => m.branch && [m.branch.index, m.branch.count])).toEqual([[0, 2], [0, 2], [0, 1], [0, 1]]);
    const bergen = await k.call('conversations.switchBranch', { id: oslo.id, messageId: q1b!.id });
    expect(bergen.map((m) => m.content)).toEqual([q1b!.content, a1b!.content]);

    const cnVisible = await k.call('conversations.messages', { id: cn.id });
    expect(cnVisible.map((m) => m.content)).toEqual(['[image]\n\n这张图里的天气怎么样？', '天气晴朗，蓝天白云。', '适合去散步吗？', '很适合，记得戴帽子。']);
    expect(cnVisible[1]!.reasoning).toContain('图中是晴朗的蓝天');
    expect(cnVisible[3]!.status).toBe('stopped'); // never finished in ChatGPT
  });

  it('importing the same file again adds nothing; a later export adds only what is new', async () => {
    const k = kit();
    await upload(k, CHATGPT);
    expect(await upload(k, CHATGPT)).toEqual({ format: 'chatgpt', conversations: 0, messages: 0, unchanged: 2 });
    expect(await k.call('conversations.list', {})).toHaveLength(2);

    const later = JSON.parse(CHATGPT) as { mapping: Record<string, { id: string; parent: string | null; children: string[]; message: unknown }>; current_node: string }[];
    const oslo = later[0]!;
    oslo.mapping['a-2']!.children.push('u-3');
    oslo.mapping['u-3'] = {
      id: 'u-3',
      parent: 'a-2',
      children: [],
      message: { id: 'u-3', author: { role: 'user' }, create_time: 1714000500, content: { content_type: 'text', parts: ['And autumn?'] }, status: 'finished_successfully', recipient: 'all', metadata: {} },
    };
    oslo.current_node = 'u-3';
    expect(await upload(k, JSON.stringify(later))).toEqual({ format: 'chatgpt', conversations: 0, messages: 1, unchanged: 1 });
    const id = (await k.call('conversations.list', {})).find((c) => c.title === 'Oslo weather in spring')!.id;
    expect(allMessages(k, id)).toHaveLength(8);
  });

  it('refuses files it does not understand, and parts sent out of order', async () => {
    const k = kit();
    await expect(upload(k, '{"hello": 1}')).rejects.toMatchObject({ messageKey: 'errors.importUnknown' });
    await expect(upload(k, 'not json at all')).rejects.toMatchObject({ messageKey: 'errors.importUnknown' });
    await expect(upload(k, '[{"mapping": 5}]')).rejects.toMatchObject({ messageKey: 'errors.importUnknown' });
    await k.call('transfer.importChunk', { uploadId: 'x', index: 0, last: false, text: '[' });
    await expect(k.call('transfer.importChunk', { uploadId: 'x', index: 2, last: true, text: ']' })).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe("Brook's own JSON", () => {
  async function sample(k: ReturnType<typeof kit>) {
    const c = k.core.history.createConversation({ title: 'Round <trip> & "quotes"', params: { systemPrompt: 'Be brief.', temperature: 0.5 } });
    const h = k.core.history;
    const q = h.appendMessage({ conversationId: c.id, parentId: null, role: 'user', content: 'Question <script>alert(1)</script>', status: 'done' });
    const a1 = h.appendMessage({ conversationId: c.id, parentId: q.id, role: 'assistant', content: 'First **answer**', status: 'done', model: 'm1' });
    h.finishMessage(a1.id, { status: 'done', content: 'First **answer**', reasoning: 'thinking…', usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 }, finishReason: 'stop' });
    const a2 = h.appendMessage({ conversationId: c.id, parentId: q.id, role: 'assistant', content: 'Second answer', status: 'done', model: 'm2' });
    h.setCurrentLeaf(c.id, a1.id);
    await k.call('conversations.setPinned', { id: c.id, pinned: true });
    return { c, q, a1, a2 };
  }

  it('round-trips a conversation losslessly (the whole tree), into a fresh database or back after a delete', async () => {
    const k = kit();
    const { c, a1 } = await sample(k);
    const file = await k.call('transfer.exportConversation', { id: c.id, format: 'json' });
    expect(file.mimeType).toBe('application/json');
    expect(file.fileName).toBe('Round trip & quotes.brook.json');
    const before = allMessages(k, c.id);
    const beforeVisible = await k.call('conversations.messages', { id: c.id });

    const fresh = kit();
    expect(await upload(fresh, file.text)).toEqual({ format: 'brook', conversations: 1, messages: 3, unchanged: 0 });
    expect(allMessages(fresh, c.id)).toEqual(before);
    expect(await fresh.call('conversations.messages', { id: c.id })).toEqual(beforeVisible);
    const [copy] = await fresh.call('conversations.list', {});
    expect(copy).toMatchObject({ id: c.id, title: c.title, pinned: true, params: { systemPrompt: 'Be brief.', temperature: 0.5 } });
    expect((await fresh.call('conversations.messages', { id: c.id }))[1]).toMatchObject({ id: a1.id, reasoning: 'thinking…', usage: { totalTokens: 7 }, finishReason: 'stop' });

    // into the same database: nothing twice
    expect(await upload(k, file.text)).toEqual({ format: 'brook', conversations: 0, messages: 0, unchanged: 1 });
    // deleted (still undoable), then imported again: it comes back whole
    await k.call('conversations.delete', { id: c.id });
    expect(await upload(k, file.text)).toMatchObject({ conversations: 1, messages: 3 });
    expect(allMessages(k, c.id)).toEqual(before);
  });

  it('exports everything, in parts, and imports it back with the saved prompts', async () => {
    const k = kit();
    await sample(k);
    await upload(k, CHATGPT);
    await k.call('assistants.save', { draft: { name: 'Poet', params: { systemPrompt: 'Rhyme.' } } });
    // a pasted log of 2.5 million characters: more than one part each way
    const big = k.core.history.createConversation({ title: 'big paste' });
    const paste = '日志 line\n'.repeat(250_000);
    k.core.history.appendMessage({ conversationId: big.id, parentId: null, role: 'user', content: paste, status: 'done' });
    const first = await k.call('transfer.exportAll', {});
    expect(first.parts).toBeGreaterThan(2);
    let text = first.text;
    for (let p = 1; p < first.parts; p++) text += (await k.call('transfer.exportAll', { exportId: first.exportId, part: p })).text;
    const parsed = JSON.parse(text) as { format: string; conversations: unknown[]; assistants: { name: string }[] };
    expect(parsed.format).toBe('brook.history');
    expect(parsed.conversations).toHaveLength(4);

    const fresh = kit();
    expect(await upload(fresh, text)).toEqual({ format: 'brook', conversations: 4, messages: 15, unchanged: 0 });
    expect((await fresh.call('conversations.messages', { id: big.id }))[0]?.content).toBe(paste);
    expect((await fresh.call('assistants.list', {})).map((a) => a.name)).toEqual(['Poet']);
    // the ChatGPT source ids travel along: importing the ChatGPT file there adds nothing
    expect(await upload(fresh, CHATGPT)).toEqual({ format: 'chatgpt', conversations: 0, messages: 0, unchanged: 2 });
  });

  it('exports the visible branch as Markdown and as escaped, script-free HTML', async () => {
    const k = kit();
    const { c } = await sample(k);
    const md = await k.call('transfer.exportConversation', { id: c.id, format: 'markdown' });
    expect(md.fileName).toBe('Round trip & quotes.md');
    expect(md.text).toContain('# Round <trip> & "quotes"');
    expect(md.text).toContain('## You\n\nQuestion <script>alert(1)</script>');
    expect(md.text).toContain('## Assistant · m1\n\n> **Thinking**\n>\n> thinking…\n\nFirst **answer**');
    expect(md.text).not.toContain('Second answer');

    const html = await k.call('transfer.exportConversation', { id: c.id, format: 'html' });
    expect(html.mimeType).toBe('text/html');
    expect(html.text).not.toMatch(/<script/i);
    expect(html.text).toContain('Question &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.text).toContain('<title>Round &lt;trip&gt; &amp; &quot;quotes&quot;</title>');
    expect(html.text).toContain("default-src 'none'");
    expect(html.text).not.toContain('Second answer');

    k.core.settings.update((s) => ({ ...s, settings: { ...s.settings, language: 'zh-CN' } }));
    expect((await k.call('transfer.exportConversation', { id: c.id, format: 'markdown' })).text).toContain('## 你\n');
  });
});
