/**
 * Context windows of well-known models, in tokens. A provider's own setting overrides this;
 * an unknown model gets DEFAULT_CONTEXT_WINDOW, small enough to be safe on a local server.
 */
export const DEFAULT_CONTEXT_WINDOW = 8192;

const KNOWN: readonly [pattern: RegExp, tokens: number][] = [
  [/^gpt-4\.1/, 1_047_576],
  [/^gpt-4o/, 128_000],
  [/^o[134](-|$)/, 200_000],
  [/^gpt-5/, 400_000],
  [/^deepseek-(chat|reasoner)/, 128_000],
  [/^claude-/, 200_000],
  [/^gemini-(1\.5|2\.[05]|3)/, 1_048_576],
  [/^moonshot-v1-8k/, 8_192],
  [/^moonshot-v1-32k/, 32_768],
  [/^moonshot-v1-128k|^kimi-k2/, 131_072],
  [/^qwen-(max|plus|turbo)/, 131_072],
  [/^glm-4/, 128_000],
  // iFlytek Spark: Lite/Pro/Max/Ultra are 8K unless the product name says otherwise.
  [/^(spark-)?(pro-128k)$/i, 131_072],
  [/^(spark-)?max-32k$/i, 32_768],
  [/^(lite|generalv3|generalv3\.5|4\.0ultra|x1|spark-)/i, 8_192],
  [/^ernie-(4\.0|4\.5|x1)/, 8_192],
  [/^ernie-(speed|lite)-128k/, 131_072],
];

export function knownContextWindow(model: string): number | null {
  for (const [pattern, tokens] of KNOWN) if (pattern.test(model)) return tokens;
  return null;
}
