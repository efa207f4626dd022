// Preloaded into the Brook process (NODE_OPTIONS=--import) to cut it off from the network:
// any connection or DNS lookup beyond this machine fails and is reported as BLOCKED.
import dns from 'node:dns';
import net from 'node:net';

const local = (host) => !host || host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '::ffff:127.0.0.1';
const report = (what) => process.stderr.write(`BLOCKED network access: ${what}\n`);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = args[0];
  const opts = Array.isArray(first) ? first[0] : typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  if (opts && !opts.path && !local(opts.host)) {
    report(`${opts.host}:${opts.port}`);
    throw new Error('network disabled for this test');
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  if (!local(host)) {
    report(`dns ${host}`);
    const callback = rest[rest.length - 1];
    process.nextTick(() => callback(Object.assign(new Error('network disabled for this test'), { code: 'ENOTFOUND' })));
    return;
  }
  return lookup.call(this, host, ...rest);
};
