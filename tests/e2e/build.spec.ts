import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { filesNamedBy } from '../../src/main/core/servers/headless/firstScreen';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../../out');

// A sandboxed preload may require only 'electron': a shared chunk or an npm package would
// fail to load in the window, and the app would have no contract at all.
test('every built preload is one self-contained file', () => {
  const files = readdirSync(join(OUT, 'preload'), { recursive: true }).map(String);
  expect(files.sort()).toEqual(['index.cjs', 'quick.cjs']);
  for (const file of files) {
    const requires = [...readFileSync(join(OUT, 'preload', file), 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires), file).toEqual(new Set(['electron']));
  }
});

// The main window's first screen waits for every script its page names: the contract's schemas
// (zod) load beside the socket's handshake instead (issue #13, cold start; client/frameChecks.ts).
// The quick window's page is checked in quickBuild.spec.ts.
test('the files the main page names for its first screen carry no zod', () => {
  const rendererDir = join(OUT, 'renderer');
  const hasZod = (file: string) => readFileSync(join(rendererDir, file), 'utf8').includes('$ZodObject');
  const named = filesNamedBy(readFileSync(join(rendererDir, 'index.html'), 'utf8')).filter((f) => f.endsWith('.js'));
  expect(named.length).toBeGreaterThan(0);
  expect(named.filter(hasZod)).toEqual([]);
  // Still built, for what loads afterwards: otherwise this check could not fail.
  const scripts = readdirSync(join(rendererDir, 'assets')).filter((f) => f.endsWith('.js'));
  expect(scripts.some((f) => hasZod(join('assets', f)))).toBe(true);
});
