import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

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
