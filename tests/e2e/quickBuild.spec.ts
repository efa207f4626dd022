import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { filesNamedBy } from '../../src/main/core/servers/headless/firstScreen';

const RENDERER = join(dirname(fileURLToPath(import.meta.url)), '../../out/renderer');

/**
 * What only the parts kept off the quick-ask window's first screen contain, as the build
 * leaves it (minified: strings survive, names do not).
 */
const MARKERS = {
  zod: '$ZodObject',
  // The settings registry, and the forms it lists (general, providers).
  settingsRegistry: 'settingsPage.general',
  generalForm: 'theme-select',
  providerForm: 'provider-save',
  // The stylesheets that come with the forms (tool servers, custom endpoints).
  toolServerStyles: '.mcp-server',
  customEndpointStyles: '.custom-endpoint__group',
};

const read = (file: string) => readFileSync(join(RENDERER, file), 'utf8');

// The quick window is created on its first show and shown once the files its page names have
// run (issue #13, cold start): they hold what its first screen draws, not the model picker, the
// settings forms or the contract's schemas, which load after the first paint.
test('the files quick.html names carry no zod and no settings-form code', () => {
  const named = filesNamedBy(read('quick.html'));
  expect(named.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(0);
  const found = named.flatMap((file) => {
    const text = read(file);
    return Object.entries(MARKERS)
      .filter(([, marker]) => text.includes(marker))
      .map(([name]) => `${file}: ${name}`);
  });
  expect(found).toEqual([]);
});

// Each marker is still in the build, for what loads later: otherwise the check above could not fail.
test('every marker the quick page is checked for is in some built file', () => {
  const assets = readdirSync(join(RENDERER, 'assets')).map((f) => read(join('assets', f)));
  for (const [name, marker] of Object.entries(MARKERS)) expect(assets.some((text) => text.includes(marker)), name).toBe(true);
});

// The main window's first paint (src/renderer/src/firstPaint/main.ts) draws the main window's
// sidebar from the one copy of the first screen: the quick window must neither run it nor use
// up that copy. Its code shares a chunk with what both pages import; its entry must stay apart.
test('the quick page does not run the main window’s first paint', () => {
  const entry = /<script type="module" async crossorigin src="\.\/(assets\/[^"]+)"/.exec(read('index.html'))?.[1];
  expect(entry).toMatch(/^assets\/firstPaint-/);
  const named = filesNamedBy(read('quick.html'));
  expect(named).not.toContain(entry);
  const importers = named.filter((file) => read(file).includes(`./${entry!.slice('assets/'.length)}`));
  expect(importers).toEqual([]);
});
