/**
 * The floor for `bench:start` (issue #13, cold start): what no app could beat on this machine by
 * the same path. A bare Node HTTP server that prints its URL the way Brook does and serves a
 * folder holding a static copy of Brook's first screen (the rows already in the HTML, the app's
 * stylesheets, no script at all). start.bench.ts writes the folder and times this beside Brook.
 *
 *   node bench/startFloor.mjs --data-dir <folder with index.html>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, extname, join } from 'node:path';

const dir = process.argv[process.argv.indexOf('--data-dir') + 1];
if (!dir || process.argv.indexOf('--data-dir') < 0) {
  console.error('usage: node bench/startFloor.mjs --data-dir <folder>');
  process.exit(2);
}
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8' };

const server = createServer((req, res) => {
  // Only the folder's own files, by base name: nothing else on the machine is served.
  const name = req.url === '/' || !req.url ? 'index.html' : basename(req.url.split('?')[0]);
  let body;
  try {
    body = readFileSync(join(dir, name));
  } catch {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(name)] ?? 'application/octet-stream', 'content-length': body.length });
  res.end(body);
});
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
server.listen(0, '127.0.0.1', () => console.log(`Brook is running at http://127.0.0.1:${server.address().port}/#token=floor`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
