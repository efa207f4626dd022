import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, dataDirHolder, LOCK_FILE } from '../../../src/main/core/app/dataDirLock';

describe('acquireDataDirLock', () => {
  it('refuses a second holder while the first is alive, and frees the folder on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brook-lock-'));
    const first = acquireDataDirLock(dir);
    // another live process: our parent
    expect(() => acquireDataDirLock(dir, process.ppid)).toThrow(expect.objectContaining({ messageKey: 'errors.dataDirInUse' }));
    first.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    acquireDataDirLock(dir, process.ppid).release();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brook-lock-'));
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, LOCK_FILE), gone);
    const lock = acquireDataDirLock(dir);
    // The lock is ours now: it names this process, and a live second holder is refused.
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    expect(() => acquireDataDirLock(dir, process.ppid)).toThrow(expect.objectContaining({ messageKey: 'errors.dataDirInUse' }));
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('tells who holds a folder without taking it: a live other process, never itself or the dead', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brook-lock-'));
    expect(dataDirHolder(dir)).toBeNull();
    const lock = acquireDataDirLock(dir);
    expect(dataDirHolder(dir)).toBeNull();
    expect(dataDirHolder(dir, process.ppid)).toBe(process.pid);
    lock.release();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, LOCK_FILE), gone);
    expect(dataDirHolder(dir)).toBeNull();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(gone);
  });
});
