import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryBackups } from '../../../src/main/core/history/backups';
import { HistoryStore } from '../../../src/main/core/history/HistoryStore';
import { checkIntegrity, checkOpens, quickCheckInBackground } from '../../../src/main/core/history/integrity';
import { createCore } from '../../../src/main/core/app/createCore';
import { DATABASE_FILE } from '../../../src/main/core/app/paths';
import { historySearchSchema } from '../../../src/shared/contract';
import type { SettingsBackend } from '../../../src/main/core/settings/settingsState';
import type { SecretStore } from '../../../src/main/core/settings/secrets';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), 'brook-safety-'));
}

function storeIn(dir: string): HistoryStore {
  const s = new HistoryStore({ file: join(dir, DATABASE_FILE) });
  cleanups.push(() => {
    try {
      s.close();
    } catch {
      // closed by the test
    }
  });
  return s;
}

function say(s: HistoryStore, text: string): void {
  const c = s.listConversations()[0] ?? s.createConversation({ title: 'kept' });
  const parentId = s.visiblePath(c.id).at(-1)?.id ?? null;
  s.appendMessage({ conversationId: c.id, parentId, role: 'user', content: text, status: 'done' });
}

const find = (s: HistoryStore, query: string) => s.search.search(historySearchSchema.parse({ query })).hits.length;

describe('backups', () => {
  it('backs up while in use, lists the backup, and restores it (search included) after backing up the current history', async () => {
    const dir = dataDir();
    const s = storeIn(dir);
    say(s, '备份之前的天气');
    const backups = new HistoryBackups(s, dir);
    const made = await backups.create();
    expect(made).toMatchObject({ kind: 'manual' });
    expect(made.name.startsWith('backups/')).toBe(true);
    say(s, 'written after the backup');
    expect(find(s, 'after the backup')).toBe(1);

    await backups.restore(made.name);
    expect(find(s, 'after the backup')).toBe(0);
    expect(find(s, '天气')).toBe(1);
    // The store works on the restored file: writes go on as before.
    say(s, 'after the restore');
    expect(find(s, 'after the restore')).toBe(1);

    const kinds = backups.list().map((b) => b.kind);
    expect(kinds).toEqual(expect.arrayContaining(['manual', 'before-restore']));
    const safety = backups.list().find((b) => b.kind === 'before-restore')!;
    await backups.restore(safety.name);
    expect(find(s, 'after the backup')).toBe(1);
  });

  it('refuses a name outside the list and a damaged backup, keeping the current history', async () => {
    const dir = dataDir();
    const s = storeIn(dir);
    say(s, 'still here');
    const backups = new HistoryBackups(s, dir);
    await expect(backups.restore('../../etc/passwd')).rejects.toMatchObject({ messageKey: 'errors.backupInvalid' });
    const made = await backups.create();
    writeFileSync(join(dir, made.name), 'not a database at all, just text that is long enough'.repeat(100));
    await expect(backups.restore(made.name)).rejects.toMatchObject({ messageKey: 'errors.backupInvalid' });
    expect(find(s, 'still here')).toBe(1);
  });

  it('turns a full disk into a storage error and keeps what was saved', () => {
    const dir = dataDir();
    const s = storeIn(dir);
    say(s, 'saved before the disk filled up');
    const db = new Database(join(dir, DATABASE_FILE));
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.close();
    // A database capped at its current size behaves like a full disk for the store's connection.
    (s as unknown as { db: Database.Database }).db.pragma(`max_page_count = ${pages + 1}`);
    expect(() => say(s, 'x'.repeat(200_000))).toThrow(expect.objectContaining({ messageKey: 'errors.storageFull' }));
    expect(find(s, 'disk filled')).toBe(1);
    expect(s.visiblePath(s.listConversations()[0]!.id)).toHaveLength(1);
  });
});

describe('integrity', () => {
  it('passes a sound database, in the background too', async () => {
    const dir = dataDir();
    const s = storeIn(dir);
    say(s, 'fine');
    expect(checkIntegrity(join(dir, DATABASE_FILE))).toEqual({ problem: null, unreadable: false });
    expect(await quickCheckInBackground(join(dir, DATABASE_FILE)).result).toBeNull();
  });

  it('starts the background check after its delay, and never if stopped before (cold start)', async () => {
    const dir = dataDir();
    say(storeIn(dir), 'fine');
    const file = join(dir, DATABASE_FILE);
    expect(await quickCheckInBackground(file, undefined, 100).result).toBeNull();
    const early = quickCheckInBackground(file, undefined, 60_000);
    await early.stop();
    await expect(early.result).rejects.toThrow('stopped before it started');
  });

  it('finds damage inside a database that still opens', async () => {
    const dir = dataDir();
    const file = join(dir, DATABASE_FILE);
    const s = storeIn(dir);
    for (let i = 0; i < 300; i++) say(s, `message number ${i} `.repeat(20));
    s.close();
    const bytes = readFileSync(file);
    // Scribble over a page in the middle of the file (not the header): an index or table page.
    bytes.fill(0x5a, 4096 * 6, 4096 * 6 + 4096);
    writeFileSync(file, bytes);
    expect(checkOpens(file).problem).toBeNull();
    expect(checkIntegrity(file).problem).not.toBeNull();
    expect(await quickCheckInBackground(file).result).not.toBeNull();
  });

  it('at startup, moves a file that is not a database aside, starts fresh and says so', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, DATABASE_FILE), 'this is not a database '.repeat(300));
    const core = createCore({
      dataDir: dir,
      settingsBackend: memoryBackend(),
      secrets: noSecrets,
      info: { mode: 'browser', version: '0', systemLocale: 'en' },
    });
    cleanups.push(() => core.shutdown());
    const health = await core.handlers['history.health']({});
    expect(health.status).toBe('replaced');
    expect(health.copyPath && existsSync(health.copyPath)).toBe(true);
    expect(readFileSync(health.copyPath!, 'utf8')).toContain('this is not a database');
    expect(await core.handlers['conversations.list']({})).toEqual([]);
  });

  it('reports damage found by the background check with an event, keeping the database in use', async () => {
    const dir = dataDir();
    const file = join(dir, DATABASE_FILE);
    const s = storeIn(dir);
    for (let i = 0; i < 300; i++) say(s, `message number ${i} `.repeat(20));
    s.close();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 6, 4096 * 6 + 4096);
    writeFileSync(file, bytes);
    const core = createCore({
      dataDir: dir,
      settingsBackend: memoryBackend(),
      secrets: noSecrets,
      info: { mode: 'browser', version: '0', systemLocale: 'en' },
      integrityCheckDelayMs: 100,
    });
    cleanups.push(() => core.shutdown());
    const heard: string[] = [];
    core.bus.on((name, payload) => {
      if (name === 'history.health') heard.push((payload as { status: string }).status);
    });
    await core.integrityChecked;
    expect(heard).toEqual(['damaged']);
    const health = await core.handlers['history.health']({});
    expect(health.status).toBe('damaged');
    expect(readdirSync(dir).some((f) => f.startsWith('brook.damaged-'))).toBe(true);
    expect(existsSync(file)).toBe(true);
  });
});

function memoryBackend(): SettingsBackend {
  return { store: {} };
}

const noSecrets: SecretStore = { kind: 'file-0600', get: () => null, set: () => {}, delete: () => {} };
