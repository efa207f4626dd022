/** Where the reference MCP servers are installed (dev dependencies), and a small poll for states. */
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
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

/**
 * server-everything over HTTP ('streamableHttp' at /mcp, or the older 'sse' at /sse) on a free
 * port — or on `port`, to start it again where it was — started as its own process. `stop`
 * resolves once the process has exited.
 */
export async function startEverythingHttp(mode: 'streamableHttp' | 'sse', port?: number): Promise<{ url: string; port: number; close: () => void; stop: () => Promise<void> }> {
  port ??= await freePort();
  const child = spawn(process.execPath, [EVERYTHING_BIN, mode], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server-everything ${mode} did not start: ${output}`)), 20_000);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/(listening|running) on port/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`server-everything ${mode} exited (${code}): ${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}/${mode === 'sse' ? 'sse' : 'mcp'}`,
    port,
    close: () => child.kill(),
    stop: () => {
      child.kill();
      return exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
