import { describe, expect, it } from 'vitest';
import { imageTokens, imagesTokens } from '../../../src/main/core/chat/imageTokens';

describe('imageTokens: each family’s published cost of an image', () => {
  it('OpenAI: fit in 2048, shortest side to 768, 85 + 170 per 512-px tile', () => {
    expect(imageTokens('openai-compatible', 1024, 1024)).toBe(765); // 768×768: 4 tiles
    expect(imageTokens('openai-compatible', 2048, 4096)).toBe(1105); // 768×1536: 6 tiles
    expect(imageTokens('openai-compatible', 200, 100)).toBe(255); // one tile
  });

  it('Anthropic: width × height / 750 after the 1568-px fit, at most about 1600', () => {
    expect(imageTokens('anthropic', 1000, 1000)).toBe(1334);
    expect(imageTokens('anthropic', 200, 200)).toBe(54);
    expect(imageTokens('anthropic', 4000, 3000)).toBe(1600);
  });

  it('Gemini: 258 for a small image, else 258 per 768×768 tile', () => {
    expect(imageTokens('gemini', 384, 300)).toBe(258);
    expect(imageTokens('gemini', 1000, 1000)).toBe(1032);
    expect(imageTokens('gemini', 6000, 1000)).toBe(258 * 4 * 1); // fitted to 3072×512
  });

  it('an image of unknown size costs the most its family charges; a turn adds its images up', () => {
    expect(imageTokens('openai-compatible', null, null)).toBe(1445); // 768×2048: 8 tiles
    expect(imageTokens('openai-compatible', 768, 2048)).toBe(1445);
    expect(imageTokens('anthropic', null, null)).toBe(1600);
    expect(imageTokens('gemini', null, null)).toBe(258 * 16);
    expect(imagesTokens('anthropic', [{ width: 1000, height: 1000 }, { width: 200, height: 200 }])).toBe(1388);
  });
});
