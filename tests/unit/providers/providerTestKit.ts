/** Helpers the provider tests share: run a stream to its end, and look at what the client really received. */
import { expect } from 'vitest';
import type { Provider, ProviderEvent, ProviderRequest } from '../../../src/main/core/providers/provider';
import { AppError } from '../../../src/shared/errors';

export interface Outcome {
  events: ProviderEvent[];
  text: string;
  reasoning: string;
  error: unknown;
}

export const HELLO: ProviderRequest = { model: 'fixture-chat', messages: [{ role: 'user', content: 'hello there' }] };

/** Runs `provider.stream` to its end; a thrown error is returned, not thrown. */
export async function run(provider: Provider, request: ProviderRequest, signal = new AbortController().signal): Promise<Outcome> {
  const events: ProviderEvent[] = [];
  let error: unknown;
  try {
    for await (const e of provider.stream(request, signal)) events.push(e);
  } catch (err) {
    error = err;
  }
  return outcome(events, error);
}

export function outcome(events: ProviderEvent[], error: unknown): Outcome {
  const join = (type: 'text' | 'reasoning'): string => events.map((e) => (e.type === type ? e.text : '')).join('');
  return { events, text: join('text'), reasoning: join('reasoning'), error };
}

export function expectAppError(err: unknown): AppError {
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

export function expectAbortError(err: unknown): void {
  expect(err).not.toBeInstanceOf(AppError);
  expect((err as Error | undefined)?.name).toBe('AbortError');
}

/** No secret anywhere in what an error carries or prints. */
export function expectNoSecrets(err: unknown, secrets: string[]): void {
  const app = expectAppError(err);
  const surfaces = [JSON.stringify(app), app.message, String(app.detail), JSON.stringify(app.params ?? {})];
  for (const secret of secrets) for (const s of surfaces) expect(s).not.toContain(secret);
}

/** A fetch that keeps a copy of every body chunk exactly as the client received it. */
export function recordingFetch(chunks: Uint8Array[]): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    if (!res.body) return res;
    const tap = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        chunks.push(chunk.slice());
        controller.enqueue(chunk);
      },
    });
    return new Response(res.body.pipeThrough(tap), { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

const enc = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return enc.encode(text);
}

/** Cuts `bytes` at the given offsets (ascending). */
export function cutAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (const o of offsets) {
    out.push(bytes.slice(start, o));
    start = o;
  }
  out.push(bytes.slice(start));
  return out.filter((b) => b.length > 0);
}

/** Byte offset just after the first byte of `char`'s UTF-8 encoding in `text`: a cut inside the character. */
export function insideChar(text: string, char: string): number {
  const at = text.indexOf(char);
  if (at < 0) throw new Error(`"${char}" not in frame`);
  return enc.encode(text.slice(0, at)).length + 1;
}

export function decodeAlone(chunk: Uint8Array): string {
  return new TextDecoder().decode(chunk);
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
