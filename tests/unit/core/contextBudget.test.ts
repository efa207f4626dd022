import { describe, expect, it } from 'vitest';
import { estimateTokens, fitContext, outputReserve, textTokens } from '../../../src/main/core/base/contextBudget';
import type { ChatTurnMessage } from '../../../src/main/core/providers/provider';
import { DEFAULT_CONTEXT_WINDOW, knownContextWindow } from '../../../src/shared/modelContext';

/** One "token" per character keeps the arithmetic visible. */
const chars = (t: string) => t.length;
const turn = (role: 'user' | 'assistant', content: string): ChatTurnMessage => ({ role, content });

describe('fitContext', () => {
  it('counts the images a turn carries (imageTokens) with its text', () => {
    const pictures = [{ ...turn('user', 'aaaa'), imageTokens: 50 }, turn('assistant', 'bbbb'), { ...turn('user', 'cccc'), imageTokens: 50 }];
    const plan = fitContext(null, pictures, { contextWindow: 100, reserveForOutput: 10 }, chars);
    expect(plan?.messages.map((m) => m.content)).toEqual(['cccc']);
    expect(fitContext(null, pictures, { contextWindow: 50, reserveForOutput: 0 }, chars)).toBeNull();
  });

  const history = [turn('user', 'aaaa'), turn('assistant', 'bbbb'), turn('user', 'cccc'), turn('assistant', 'dddd'), turn('user', 'eeee')];

  it('sends everything when it fits', () => {
    const plan = fitContext('sys', history, { contextWindow: 100, reserveForOutput: 10 }, chars);
    expect(plan?.system).toBe('sys');
    expect(plan?.messages.map((m) => m.content)).toEqual(['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee']);
    expect(plan).toMatchObject({ sent: 5, total: 5, estimatedTokens: 23 });
  });

  it('drops the oldest turns first, keeping the system prompt and the newest question', () => {
    const plan = fitContext('sys', history, { contextWindow: 25, reserveForOutput: 10 }, chars);
    // budget 15: sys(3) + eeee(4) + dddd(4) + cccc(4) = 15
    expect(plan?.messages.map((m) => m.content)).toEqual(['cccc', 'dddd', 'eeee']);
    expect(plan).toMatchObject({ sent: 3, total: 5 });
  });

  it('never starts the sent turns with an orphaned answer', () => {
    const plan = fitContext(null, history, { contextWindow: 22, reserveForOutput: 10 }, chars);
    // budget 12 would fit dddd, cccc... eeee+dddd+cccc = 12 → starts with user cccc; with 8: eeee+dddd → drop dddd
    expect(plan?.messages[0]?.role).toBe('user');
    const tight = fitContext(null, history, { contextWindow: 18, reserveForOutput: 10 }, chars);
    expect(tight?.messages.map((m) => m.content)).toEqual(['eeee']);
  });

  it('weighs an answer\'s tool rounds with its text: a big tool result can push a turn out', () => {
    const withTool: ChatTurnMessage = {
      role: 'assistant',
      content: 'dddd',
      toolRounds: [{ text: 'tt', calls: [{ id: '1', name: 'f', arguments: '{}', result: 'r'.repeat(10), isError: false }] }],
    };
    // 'dddd' 4 + 'tt' 2 + 'f({})' 5 + result 10
    expect(textTokens(withTool, chars)).toBe(21);
    const rounds = [turn('user', 'cccc'), withTool, turn('user', 'eeee')];
    expect(fitContext(null, rounds, { contextWindow: 40, reserveForOutput: 10 }, chars)?.messages).toHaveLength(3);
    expect(fitContext(null, rounds, { contextWindow: 30, reserveForOutput: 10 }, chars)?.messages.map((m) => m.content)).toEqual(['eeee']);
  });

  it('takes a turn\'s stored count instead of counting it again', () => {
    const counted: string[] = [];
    const counting = (t: string) => (counted.push(t), t.length);
    const stored = new Map<ChatTurnMessage, number>([[history[3]!, 4]]);
    fitContext(null, history, { contextWindow: 100, reserveForOutput: 10 }, counting, (t) => stored.get(t));
    expect(counted).not.toContain('dddd');
    expect(counted).toContain('cccc');
  });

  it('returns null when the newest question alone does not fit', () => {
    expect(fitContext('sys', [turn('user', 'x'.repeat(50))], { contextWindow: 40, reserveForOutput: 10 }, chars)).toBeNull();
  });

  it('estimates real text with a tokenizer, Chinese included', () => {
    expect(estimateTokens('hello world')).toBeGreaterThan(4);
    expect(estimateTokens('今天天气很好，我们去公园散步吧。')).toBeGreaterThan(estimateTokens('今天'));
    expect(estimateTokens('😀'.repeat(300))).toBeGreaterThanOrEqual(300);
  });

  it('stays linear on a megabyte without a single break (it once took half an hour)', () => {
    // Not a timing assertion: a quadratic count would simply never finish within the test timeout.
    expect(estimateTokens('水'.repeat(350_000))).toBeGreaterThanOrEqual(350_000);
    const blob = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)).toString('base64');
    expect(estimateTokens(blob)).toBeGreaterThan(100_000);
  });
});

describe('context windows', () => {
  it('knows common models and falls back to a safe default', () => {
    expect(knownContextWindow('gpt-4o-mini')).toBe(128_000);
    expect(knownContextWindow('claude-sonnet-4-5')).toBe(200_000);
    expect(knownContextWindow('lite')).toBe(8192);
    expect(knownContextWindow('llama3.2:3b')).toBeNull();
    expect(DEFAULT_CONTEXT_WINDOW).toBe(8192);
    expect(outputReserve(8192, null)).toBe(2048);
    expect(outputReserve(128_000, 1000)).toBe(1000);
  });
});
