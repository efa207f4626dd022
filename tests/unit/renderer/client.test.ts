import { describe, expect, it } from 'vitest';
import { RECONNECT_MAX_MS, reconnectDelay } from '../../../src/renderer/src/client/backoff';
import { hashWithoutParam, hashWithoutToken, readHashParam, readTokenFromHash } from '../../../src/renderer/src/client/tokenFragment';

describe('token fragment', () => {
  it('reads the token from the hash', () => {
    expect(readTokenFromHash('#token=abc123')).toBe('abc123');
    expect(readTokenFromHash('#foo=1&token=a%2Bb')).toBe('a+b');
    expect(readTokenFromHash('')).toBeNull();
    expect(readTokenFromHash('#token=')).toBeNull();
  });

  it('removes only the token from the hash', () => {
    expect(hashWithoutToken('#token=abc')).toBe('');
    expect(hashWithoutToken('#foo=1&token=abc')).toBe('#foo=1');
  });
});

describe('conversation fragment', () => {
  it('reads and removes one parameter, keeping the rest', () => {
    expect(readHashParam('#conversation=c%201', 'conversation')).toBe('c 1');
    expect(readHashParam('#token=t&conversation=abc', 'conversation')).toBe('abc');
    expect(readHashParam('#conversation=', 'conversation')).toBeNull();
    expect(hashWithoutParam('#conversation=abc', 'conversation')).toBe('');
    expect(hashWithoutParam('#a=1&conversation=abc', 'conversation')).toBe('#a=1');
  });
});

describe('reconnect backoff', () => {
  it('grows exponentially with jitter and is capped', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
    expect(reconnectDelay(0, () => 1)).toBe(500);
    expect(reconnectDelay(3, () => 1)).toBe(4000);
    expect(reconnectDelay(30, () => 1)).toBe(RECONNECT_MAX_MS);
    expect(reconnectDelay(30, () => 0)).toBe(RECONNECT_MAX_MS / 2);
  });
});
