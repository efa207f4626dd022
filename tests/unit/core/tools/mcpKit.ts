/** Where the reference MCP servers are installed (dev dependencies), and a small poll for states. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** `node <bin> stdio|streamableHttp|sse` (its package.json `bin` and scripts). */
export const EVERYTHING_BIN = join(packageDir('@modelcontextprotocol/server-everything'), 'dist', 'index.js');
/** `node <bin> <allowed folder>…` */
export const FILESYSTEM_BIN = join(packageDir('@modelcontextprotocol/server-filesystem'), 'dist', 'index.js');

export async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Pids of running processes whose command line contains `marker` (a unique argument the test gave). */
export function processesWith(marker: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
