/**
 * The transports of a custom endpoint, each read as a sequence of frames (the unit a path is
 * applied to): SSE events (eventsource-parser, through net's readSse), NDJSON lines, raw text
 * chunks as they arrive, or WebSocket messages (`ws`). One TextDecoder per stream keeps a UTF-8
 * character split across reads whole. Aborting the signal closes the request or the socket.
 * Frames come a network read (or a WebSocket message) at a time, as a batch: one await per read
 * rather than per frame, as in the other providers (./batchedEvents.ts).
 */
import type { CustomEndpoint } from '../../../shared/customEndpoint';
import { AppError } from '../../../shared/errors';
import { abortReason, connectionLost, type ErrorContext, MAX_EVENT_CHARS, readSse, resolveFailure, sendOk } from '../net';
import type { ProviderDeps } from './provider';
import { SparkSocket, upgradeRefused } from './sparkSocket';

export interface RawFrame {
  data: string;
  /** The SSE event name; null elsewhere (and for unnamed SSE events). */
  event: string | null;
}

export interface OpenedStream {
  /** The HTTP status (101 for a WebSocket). */
  status: number;
  /** Never an empty batch. */
  frames: AsyncGenerator<RawFrame[]>;
}

export interface StreamTarget {
  url: string;
  headers: Headers;
  /** The POST body or the first WebSocket message; null for GET. */
  body: string | null;
}

/** How the end reads in "the connection closed before …". */
export function describeEnd(end: CustomEndpoint['extract']['end']): string {
  if (end.kind === 'literal') return end.value;
  if (end.kind === 'match') return `${end.path} = ${end.value}`;
  return 'the end of the answer';
}

/** Sends the request and returns its frames; a non-2xx answer or a refused upgrade throws the mapped AppError. */
export async function openStream(spec: CustomEndpoint, target: StreamTarget, deps: ProviderDeps, signal: AbortSignal, ctx: ErrorContext): Promise<OpenedStream> {
  const endMarker = describeEnd(spec.extract.end);
  if (spec.stream.format === 'websocket') return openSocket(target, deps, signal, ctx);
  const response = await sendOk({
    fetch: deps.fetch,
    url: target.url,
    init: { method: spec.request.method, headers: target.headers, body: target.body ?? undefined },
    signal,
    errorContext: { ...ctx, wrongPathKey: null },
  });
  if (!response.body) throw connectionLost(endMarker, false);
  const body = response.body;
  const frames = spec.stream.format === 'sse' ? sseFrames(body, signal, spec.stream.sseEvent, endMarker, ctx) : spec.stream.format === 'ndjson' ? lineFrames(body, signal, endMarker) : chunkFrames(body, signal, endMarker);
  return { status: response.status, frames };
}

async function* sseFrames(body: ReadableStream<Uint8Array>, signal: AbortSignal, only: string, endMarker: string, ctx: ErrorContext): AsyncGenerator<RawFrame[]> {
  for await (const items of readSse(body, signal, { endMarker, errorContext: ctx })) {
    const frames: RawFrame[] = [];
    for (const item of items) {
      // A bare JSON line between events (an error some servers write): a frame like any other.
      if (item.type === 'json') {
        frames.push({ data: JSON.stringify(item.value), event: null });
        continue;
      }
      const name = item.event.event ?? null;
      if (only !== '' && (name ?? 'message') !== only) continue;
      frames.push({ data: item.event.data, event: name });
    }
    if (frames.length > 0) yield frames;
  }
}

/** The body as decoded text pieces, in arrival order; the abort rule of net/http applies. */
async function* decodedPieces(body: ReadableStream<Uint8Array>, signal: AbortSignal, endMarker: string): AsyncGenerator<string> {
  const reader = body.getReader();
  const onAbort = (): void => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  const decoder = new TextDecoder();
  let received = false;
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (err) {
        throw resolveFailure(err, signal, () => connectionLost(endMarker, received, err));
      }
      if (signal.aborted) throw abortReason(signal);
      const text = chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
      if (text !== '') {
        received = true;
        yield text;
      }
      if (chunk.done) return;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    reader.cancel().catch(() => undefined);
  }
}

async function* lineFrames(body: ReadableStream<Uint8Array>, signal: AbortSignal, endMarker: string): AsyncGenerator<RawFrame[]> {
  let buffer = '';
  for await (const piece of decodedPieces(body, signal, endMarker)) {
    buffer += piece;
    const frames: RawFrame[] = [];
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line.trim() !== '') frames.push({ data: line, event: null });
    }
    if (frames.length > 0) yield frames;
    if (buffer.length > MAX_EVENT_CHARS) throw new AppError('provider', { detail: `A stream line exceeded ${MAX_EVENT_CHARS} characters.` });
  }
  // A last line without a newline still counts.
  if (buffer.trim() !== '') yield [{ data: buffer.replace(/\r$/, ''), event: null }];
}

async function* chunkFrames(body: ReadableStream<Uint8Array>, signal: AbortSignal, endMarker: string): AsyncGenerator<RawFrame[]> {
  for await (const piece of decodedPieces(body, signal, endMarker)) yield [{ data: piece, event: null }];
}

async function openSocket(target: StreamTarget, deps: ProviderDeps, signal: AbortSignal, ctx: ErrorContext): Promise<OpenedStream> {
  const socket = new SparkSocket(target.url, signal, ctx, deps, { headers: target.headers, refusal: upgradeRefused });
  try {
    await socket.opened();
    if (target.body !== null && target.body !== '') socket.send(target.body);
  } catch (err) {
    socket.close();
    throw err;
  }
  async function* messages(): AsyncGenerator<RawFrame[]> {
    try {
      for (;;) {
        const text = await socket.nextMessage();
        if (text === null) return;
        yield [{ data: text, event: null }];
      }
    } finally {
      socket.close();
    }
  }
  return { status: 101, frames: messages() };
}
