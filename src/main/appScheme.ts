import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, contentTypeOf, rendererFileFor } from './appUrl';

/** Before `app.whenReady()`: the scheme is standard (relative URLs, an origin) and secure (like https). */
export function registerAppScheme(): void {
  // codeCache: V8 keeps the compiled renderer between starts (by default only http(s) pages get
  // one), so a start parses the half megabyte of vendor code once, not every time (issue #13).
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** Serves the built renderer on `app://brook/`, every response with the window's CSP. */
export function serveAppScheme(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(request.url, rendererDir);
    if (!file) return new Response('not found', { status: 404 });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return new Response('not found', { status: 404 });
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
    });
  });
}
