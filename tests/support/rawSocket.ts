import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** A seeded generator (mulberry32): the same seed gives the same fuzz cases on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBuffer(random: () => number, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

/** A TCP connection whose errors are the test's to ignore (the server is under test, not the client). */
export function openRaw(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

export function upgradeRequest(port: number, path: string): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`
  );
}

/** Resolves with what the server sent first (or '' when it closed without a word), within `ms`. */
export function firstReply(socket: Socket, ms = 2000): Promise<string> {
  return new Promise((resolve) => {
    const done = (text: string) => {
      clearTimeout(timer);
      resolve(text);
    };
    const timer = setTimeout(() => done(''), ms);
    socket.once('data', (data) => done(data.toString('latin1')));
    socket.once('close', () => done(''));
  });
}

/** A masked client frame (RFC 6455 §5.2) whose header may claim a length other than the payload's. */
export function wsFrame(opcode: number, payload: Buffer, claimedLength = payload.length, fin = true): Buffer {
  const mask = randomBytes(4);
  let header: Buffer;
  if (claimedLength < 126) {
    header = Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | claimedLength]);
  } else if (claimedLength < 65536) {
    header = Buffer.alloc(4);
    header[0] = (fin ? 0x80 : 0) | opcode;
    header[1] = 0x80 | 126;
    header.writeUInt16BE(claimedLength, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = (fin ? 0x80 : 0) | opcode;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(claimedLength), 2);
  }
  const masked = Buffer.alloc(payload.length);
  for (let i = 0; i < payload.length; i++) masked[i] = payload[i]! ^ mask[i % 4]!;
  return Buffer.concat([header, mask, masked]);
}

/** Resets the connection (RST, not FIN), like a client that crashed or a middlebox that gave up. */
export function reset(socket: Socket): void {
  socket.resetAndDestroy();
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
