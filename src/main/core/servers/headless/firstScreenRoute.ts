import type { IncomingMessage, ServerResponse } from 'node:http';
import { FIRST_SCREEN_PATH } from '../../../../shared/wsPaths';
import { localRequestRefusal, refusalStatusLine } from '../../net';

/** True when the request is for the first screen's data (FIRST_SCREEN_PATH), whatever its query. */
export function isFirstScreenRequest(req: IncomingMessage): boolean {
  return (req.url ?? '').split('?')[0] === FIRST_SCREEN_PATH;
}

/**
 * Answers the window's request for the copy of its first screen: the JSON text while there is
 * one, 204 once there is none (no copy, or the core has loaded and answers for itself). Private
 * data: only with the token as a Bearer key, from this server's own pages or local tools.
 */
export function serveFirstScreen(req: IncomingMessage, res: ServerResponse, port: number, token: string, text: string | null): void {
  const refusal = localRequestRefusal(req, { port, secret: token, credential: 'bearer' });
  if (refusal) {
    res.writeHead(refusal, refusalStatusLine(refusal).slice(4)).end();
    return;
  }
  const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
  if (text === null) {
    res.writeHead(204, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
