/**
 * Reading a response body with a limit counted in bytes as they arrive: a page or an error
 * body bigger than the limit is cut off (and its download cancelled), never held whole.
 */
export interface CappedReadOptions {
  maxBytes: number;
  /** The body's charset (from its content type); an unknown one reads as UTF-8. */
  charset?: string;
  /** Aborting cancels the download and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** A body that breaks off: keep what arrived (error bodies) instead of throwing (pages). */
  keepPartial?: boolean;
}

export async function readCappedText(body: ReadableStream<Uint8Array> | null, o: CappedReadOptions): Promise<string> {
  if (!body) return '';
  const decoder = textDecoder(o.charset);
  const reader = body.getReader();
  const cancel = (): void => void reader.cancel().catch(() => undefined);
  o.signal?.addEventListener('abort', cancel, { once: true });
  let bytes = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (o.signal?.aborted) throw o.signal.reason;
      if (done) break;
      const room = o.maxBytes - bytes;
      const chunk = value.byteLength > room ? value.subarray(0, room) : value;
      bytes += chunk.byteLength;
      text += decoder.decode(chunk, { stream: true });
      if (bytes >= o.maxBytes) break;
    }
  } catch (err) {
    if (!o.keepPartial || o.signal?.aborted) throw err;
  } finally {
    o.signal?.removeEventListener('abort', cancel);
    cancel();
  }
  return text + decoder.decode();
}

function textDecoder(charset = 'utf-8'): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(charset);
  } catch {
    return new TextDecoder('utf-8');
  }
}
