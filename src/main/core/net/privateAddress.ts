import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export type HostLookup = (hostname: string) => Promise<string[]>;

export const systemLookup: HostLookup = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Loopback, private, link-local, shared (CGNAT), multicast and unspecified addresses: where a
 * search result must not send Brook without the user's say-so, because the page's text goes
 * to the model (a router's admin page, an intranet wiki, Brook's own local API).
 */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return isPrivateV4(ip.split('.').map(Number));
  if (family !== 6) return true; // not an address at all: refuse rather than guess
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPrivateV4(mapped[1]!.split('.').map(Number));
  if (lower === '::' || lower === '::1') return true;
  const first = parseInt(lower.split(':')[0] || '0', 16);
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xff00) === 0xff00 // ff00::/8 multicast
  );
}

function isPrivateV4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

/** The private address `url` leads to, or null when every address of its host is public. */
export async function privateTarget(url: URL, resolve: HostLookup = systemLookup): Promise<string | null> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return host;
  const addresses = isIP(host) ? [host] : await resolve(host);
  return addresses.find(isPrivateAddress) ?? null;
}
