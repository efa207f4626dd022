import { describe, expect, it } from 'vitest';
import { jsonTextBytes, MAX_MESSAGE_BYTES, MAX_MESSAGE_CHARS, messageFits, requests, utf8Bytes } from '../../../src/shared/contract';
import { seededRandom } from '../../support/rawSocket';

const bytesAsSent = (text: string) => new TextEncoder().encode(JSON.stringify(text)).length;

describe('message limits in bytes as sent', () => {
  it('counts exactly what JSON.stringify + UTF-8 produce, control characters and lone surrogates included', () => {
    const random = seededRandom(12);
    const alphabet = ['a', '"', '\\', '\n', '\t', '\u0001', '\u001f', '\u007f', 'é', '中', '😀', '\ud800', '\udfff', '\u2028'];
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let i = 0; i < 40; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(jsonTextBytes(text)).toBe(bytesAsSent(text));
      const frame = JSON.stringify({ text });
      expect(utf8Bytes(frame)).toBe(new TextEncoder().encode(frame).length);
    }
  });

  it('refuses the paste of issue #12: "x" and 2,200,000 × U+0001 is under the character limit but 13 MB as sent', () => {
    const paste = 'x' + '\u0001'.repeat(2_200_000);
    expect(paste.length).toBeLessThan(MAX_MESSAGE_CHARS);
    expect(jsonTextBytes(paste)).toBeGreaterThan(MAX_MESSAGE_BYTES);
    expect(messageFits(paste)).toBe(false);
    expect(requests['chat.send'].args.safeParse({ conversationId: 'c', text: paste }).success).toBe(false);
  });

  it('still takes the largest plain message, even in Chinese', () => {
    expect(messageFits('中'.repeat(MAX_MESSAGE_CHARS))).toBe(true);
    expect(messageFits('a'.repeat(MAX_MESSAGE_CHARS + 1))).toBe(false);
  });
});
