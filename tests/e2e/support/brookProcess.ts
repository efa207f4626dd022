import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVE_JS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../out/main/serve.js');

export interface BrookProcess {
  url: string;
  dataDir: string;
  /** The serve process (benchmarks read its memory from /proc). */
  pid: number;
  output: () => string;
  /** SIGKILL: the process gets no chance to save anything, like a crash or power cut. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs the built headless app (`npm run build` first) and waits for the URL it prints. */
export async function startBrook(
  dataDir = mkdtempSync(join(tmpdir(), 'brook-e2e-')),
  options: { env?: Record<string, string>; startTimeoutMs?: number } = {},
): Promise<BrookProcess> {
  const child = spawn(process.execPath, [SERVE_JS, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROOK_PORT: '', ...options.env },
  });
  let out = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), options.startTimeoutMs ?? 15_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Brook is running at (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
  return {
    url,
    dataDir,
    pid: child.pid!,
    output: () => out,
    crash: () => terminate(child, 'SIGKILL'),
    stop: () => terminate(child, 'SIGTERM'),
  };
}

function terminate(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => {
    child.once('exit', () => r());
    child.kill(signal);
  });
}
