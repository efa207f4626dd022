import type { IncomingMessage, ServerResponse } from 'node:http';
import { FIRST_SCREEN_PATH } from '../../../../shared/wsPaths';
import { localRequestRefusal, refusalStatusLine } from '../../net';

/** True when the request is for the first screen's data (FIRST_SCREEN_PATH), whatever its query. */
export function isFirstScreenRequest(req: IncomingMessage): boolean {
  return (req.url ?? '').split('?')[0] === FIRST_SCREEN_PATH;
}

/**
 * Answers the window's request for its first screen: the JSON text once `text` has it, 204 if
 * there is none after all (the core has no first screen to give, or failed to start). Private
 * data: only with the token as a Bearer key, from this server's own pages or local tools; the
 * refusal comes at once, before anything is waited for.
 */
export function serveFirstScreen(req: IncomingMessage, res: ServerResponse, port: number, token: string, text: () => Promise<string | null>): void {
  const refusal = localRequestRefusal(req, { port, secret: token, credential: 'bearer' });
  if (refusal) {
    res.writeHead(refusal, refusalStatusLine(refusal).slice(4)).end();
    return;
  }
  const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
  void text()
    .catch(() => null)
    .then((body) => {
      // The page went away (or the server closed) while the core was loading.
      if (res.destroyed || res.writableEnded) return;
      if (body === null) {
        res.writeHead(204, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
}
