/**
 * A byte cap on every HTTP answer an MCP server sends: a JSON body, an SSE stream (the POST's or
 * the standing GET's), an error page. The SDK reads them whole and without a limit, so a server —
 * or whatever answers at its URL — could send a body without end. The bytes are counted as they
 * arrive; past the cap the body errors and the connection is closed with a translated error
 * naming the limit (McpConnection), like a stdio message over MAX_STDIO_MESSAGE_BYTES.
 */
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

/** Per HTTP response or SSE stream; a 5 MB tool result fits with room to spare. */
export const MAX_HTTP_RESPONSE_BYTES = 32 * 1024 * 1024;

export class ResponseTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The server's answer went past ${limitBytes} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

/** `fetch` whose response bodies error after `maxBytes`, calling `onOverflow` once per response that did. */
export function cappedFetch(inner: FetchLike | undefined, maxBytes: number, onOverflow: () => void): FetchLike {
  const base: FetchLike = inner ?? ((url, init) => fetch(url, init));
  return async (url, init) => {
    const response = await base(url, init);
    // A redirect is the SDK's to follow or refuse, by its headers and type: passed on untouched.
    if (!response.body || (response.status >= 300 && response.status < 400)) return response;
    let received = 0;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) {
          // Erroring the stream cancels the body underneath, which ends the socket.
          controller.error(new ResponseTooLargeError(maxBytes));
          onOverflow();
          return;
        }
        controller.enqueue(chunk);
      },
    });
    const capped = new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers });
    // The SDK names a response's own URL in its redirect messages.
    Object.defineProperty(capped, 'url', { value: response.url });
    return capped;
  };
}

/** "32 MB", "64 KB": the limit as the error names it. */
export function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Number((bytes / 1024).toFixed(1))} KB`;
}
