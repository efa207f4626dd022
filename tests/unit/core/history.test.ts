import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryStore, storageError } from '../../../src/main/core/history/HistoryStore';
import { migrate } from '../../../src/main/core/history/migrate';
import { MIGRATIONS, type Migration } from '../../../src/main/core/history/migrations/index';

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));
const stores: HistoryStore[] = [];
function open(file = ':memory:', clock = () => 1000): HistoryStore {
  const s = new HistoryStore({ file, clock });
  stores.push(s);
  return s;
}
afterEach(() => {
  for (const s of stores.splice(0)) {
    try {
      s.close();
    } catch {
      // already closed by the test
    }
  }
});

describe('migration 001_initial', () => {
  it('creates conversations and messages with the tree and status constraints', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version === 1), () => null);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const cols = (db.prepare('PRAGMA table_info(messages)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['parent_id', 'status', 'reasoning', 'error_json', 'prompt_tokens']));
    db.prepare("INSERT INTO conversations VALUES ('c', 't', NULL, NULL, NULL, 1, 1)").run();
    expect(() =>
      db.prepare("INSERT INTO messages (id, conversation_id, role, status, created_at, updated_at) VALUES ('m', 'c', 'user', 'bogus', 1, 1)").run(),
    ).toThrow(/CHECK/);
  });
});

describe('migration 002_conversation_origin', () => {
  it('marks existing conversations as chats and accepts quick asks', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version === 1), () => null);
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('old', 'before', 1, 1)").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 2), () => null);
    expect(db.prepare("SELECT origin FROM conversations WHERE id = 'old'").get()).toEqual({ origin: 'chat' });
    db.prepare("INSERT INTO conversations (id, title, origin, created_at, updated_at) VALUES ('q', 't', 'quick', 2, 2)").run();
    expect(() => db.prepare("INSERT INTO conversations (id, title, origin, created_at, updated_at) VALUES ('x', 't', 'bogus', 3, 3)").run()).toThrow(/CHECK/);
  });

  it('lets the store filter by origin', () => {
    const s = open();
    s.createConversation({ title: 'chat' });
    const q = s.createConversation({ title: 'quick', origin: 'quick' });
    expect(s.listConversations('quick').map((c) => c.id)).toEqual([q.id]);
    expect(s.listConversations()).toHaveLength(2);
    expect(q.origin).toBe('quick');
  });

  it('answers the first rows of the list when asked for a limit, pinned first then newest', () => {
    const s = open();
    const ids = [1, 2, 3, 4].map((n) => s.createConversation({ title: `c${n}` }).id);
    s.setPinned(ids[0]!, true);
    expect(s.listConversations(undefined, 2).map((c) => c.title)).toEqual(['c1', 'c4']);
    expect(s.listConversations()).toHaveLength(4);
  });
});

describe('migrate', () => {
  it('backs up an existing database before migrating it, and runs each migration once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brook-mig-'));
    const file = join(dir, 'h.sqlite');
    const db = new Database(file);
    migrate(db, MIGRATIONS, () => null);
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 'kept', 1, 1)").run();
    const next: Migration = { version: 99, name: 'test', up: (d) => d.exec('CREATE TABLE extra (x)') };
    const result = migrate(db, [...MIGRATIONS, next], (from) => join(dir, `backup-v${from}.sqlite`));
    expect(result).toMatchObject({ from: LATEST, to: 99 });
    expect(readdirSync(dir)).toContain(`backup-v${LATEST}.sqlite`);
    const backup = new Database(join(dir, `backup-v${LATEST}.sqlite`), { readonly: true });
    expect(backup.prepare('SELECT title FROM conversations').get()).toEqual({ title: 'kept' });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST);
    backup.close();
    expect(migrate(db, [...MIGRATIONS, next], () => null)).toMatchObject({ from: 99, to: 99, backupPath: null });
    db.close();
  });

  it('rolls back a failing migration and refuses a newer schema', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, () => null);
    const broken: Migration = { version: LATEST + 1, name: 'broken', up: (d) => { d.exec('CREATE TABLE half (x)'); throw new Error('boom'); } };
    expect(() => migrate(db, [...MIGRATIONS, broken], () => null)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.pragma('user_version = 500');
    expect(() => migrate(db, MIGRATIONS, () => null)).toThrow(/newer/);
  });
});

describe('HistoryStore', () => {
  it('uses WAL on a file database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brook-wal-'));
    const s = open(join(dir, 'x.sqlite'));
    // the store exposes no db handle; a second connection sees the journal mode
    const db = new Database(join(dir, 'x.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(s.listConversations()).toEqual([]);
  });

  it('keeps the visible branch as a path from root to the current leaf', () => {
    const s = open();
    const c = s.createConversation({});
    const u1 = s.appendMessage({ conversationId: c.id, parentId: null, role: 'user', content: 'hi', status: 'done' });
    const a1 = s.appendMessage({ conversationId: c.id, parentId: u1.id, role: 'assistant', content: 'first', status: 'done' });
    expect(s.visiblePath(c.id).map((m) => m.id)).toEqual([u1.id, a1.id]);
    // a regenerated answer is a sibling; switching the leaf switches the branch
    s.setCurrentLeaf(c.id, u1.id);
    const a2 = s.appendMessage({ conversationId: c.id, parentId: u1.id, role: 'assistant', content: 'second', status: 'done' });
    expect(s.visiblePath(c.id).map((m) => m.content)).toEqual(['hi', 'second']);
    s.setCurrentLeaf(c.id, a1.id);
    expect(s.visiblePath(c.id).map((m) => m.content)).toEqual(['hi', 'first']);
    expect(a2.parentId).toBe(u1.id);
  });

  it('checkpoints streaming text and marks leftovers interrupted with their text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brook-int-'));
    const file = join(dir, 'h.sqlite');
    const s = open(file);
    const c = s.createConversation({});
    const a = s.appendMessage({ conversationId: c.id, parentId: null, role: 'assistant', content: '', status: 'streaming' });
    s.checkpoint(a.id, 'partial 回答', 'thinking');
    s.close();
    const again = open(file);
    expect(again.markInterrupted()).toBe(1);
    expect(again.getMessage(a.id)).toMatchObject({ status: 'interrupted', content: 'partial 回答', reasoning: 'thinking' });
    expect(again.markInterrupted()).toBe(0);
  });

  it('finishes a message with status, error and usage, and checkpoint no longer overwrites it', () => {
    const s = open();
    const c = s.createConversation({});
    const a = s.appendMessage({ conversationId: c.id, parentId: null, role: 'assistant', content: '', status: 'streaming' });
    const done = s.finishMessage(a.id, {
      status: 'error',
      content: 'half',
      reasoning: '',
      error: { code: 'network', messageKey: 'errors.network', retryable: true },
      usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 },
    });
    expect(done).toMatchObject({ status: 'error', content: 'half', error: { code: 'network' }, usage: { totalTokens: 7 } });
    s.checkpoint(a.id, 'late write', '');
    expect(s.getMessage(a.id)?.content).toBe('half');
  });

  it('deletes a conversation with its messages, and lists newest first', () => {
    let t = 1;
    const s = open(':memory:', () => t++);
    const older = s.createConversation({ title: 'old' });
    const newer = s.createConversation({ title: 'new' });
    s.appendMessage({ conversationId: older.id, parentId: null, role: 'user', content: 'x', status: 'done' });
    expect(s.listConversations().map((c) => c.title)).toEqual(['old', 'new']);
    s.deleteConversation(older.id);
    expect(s.listConversations().map((c) => c.id)).toEqual([newer.id]);
    expect(() => s.visiblePath(older.id)).toThrow();
  });

  it('turns a read-only or full disk into a translated storage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brook-ro-'));
    const file = join(dir, 'h.sqlite');
    open(file).createConversation({ title: 'saved' });
    const db = new Database(file, { readonly: true });
    let thrown: unknown;
    try {
      db.prepare("UPDATE conversations SET title = 'x'").run();
    } catch (err) {
      thrown = err;
    }
    db.close();
    expect(storageError(thrown)).toMatchObject({ code: 'internal', messageKey: 'errors.storageReadOnly' });
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(storageError(full)).toMatchObject({ messageKey: 'errors.storageFull', retryable: true });
    const other = new Error('x');
    expect(storageError(other)).toBe(other);
  });
});
