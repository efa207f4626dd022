/**
 * What settings and the UI need to know about each provider kind, as plain data: which
 * credentials it takes, which sampling parameters it accepts and in what range, how it
 * continues a stopped answer, and the model tables of the services that have no model list.
 * Shared so the settings screen builds its forms and checks ranges from the same table.
 */
import type { ProviderKind } from './domain';

/** Every kind, in the order a picker should show them. The `satisfies` check keeps it complete. */
export const PROVIDER_KINDS = ['openai-compatible', 'anthropic', 'gemini', 'spark', 'qianfan', 'custom'] as const satisfies readonly ProviderKind[];
type Exhaustive<T extends readonly ProviderKind[]> = ProviderKind extends T[number] ? true : never;
const _allKinds: Exhaustive<typeof PROVIDER_KINDS> = true;
void _allKinds;

/** Used when a connection's baseUrl is empty. */
export const DEFAULT_BASE_URLS: Record<ProviderKind, string> = {
  'openai-compatible': 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
  gemini: 'https://generativelanguage.googleapis.com/v1beta',
  spark: 'wss://spark-api.xf-yun.com',
  qianfan: 'https://aip.baidubce.com',
  // A described endpoint has its own URL in its description.
  custom: '',
};

// ---------------------------------------------------------------------------------------------
// Credentials

export type CredentialFieldName = 'apiKey' | 'apiSecret' | 'appId';

export interface CredentialField {
  name: CredentialFieldName;
  /** What the vendor's console calls it (brand terms, not translated). */
  vendorLabel: string;
  /** Secrets go to the secret store and are never shown again; the rest is ordinary settings. */
  secret: boolean;
  required: boolean;
}

/** The fields of ProviderConnection each kind uses, in the order a form should show them. */
export const CREDENTIAL_FIELDS: Record<ProviderKind, readonly CredentialField[]> = {
  // Local servers (Ollama, LM Studio) take no key; presets say `requiresKey`.
  'openai-compatible': [{ name: 'apiKey', vendorLabel: 'API key', secret: true, required: false }],
  anthropic: [{ name: 'apiKey', vendorLabel: 'API key', secret: true, required: true }],
  gemini: [{ name: 'apiKey', vendorLabel: 'API key', secret: true, required: true }],
  spark: [
    { name: 'appId', vendorLabel: 'APPID', secret: false, required: true },
    { name: 'apiKey', vendorLabel: 'APIKey', secret: true, required: true },
    { name: 'apiSecret', vendorLabel: 'APISecret', secret: true, required: true },
  ],
  qianfan: [
    { name: 'apiKey', vendorLabel: 'API Key', secret: true, required: true },
    { name: 'apiSecret', vendorLabel: 'Secret Key', secret: true, required: true },
  ],
  // Its secrets are header values in its description (kept in the secret store per header).
  custom: [],
};

// ---------------------------------------------------------------------------------------------
// Sampling parameters

export interface NumberRange {
  min: number;
  /** Absent: no documented upper bound (the model's own output limit applies). */
  max?: number;
  /** The minimum itself is not allowed, e.g. Spark's temperature (0, 1]. */
  minExclusive?: boolean;
  integer?: boolean;
  /** The server's default when the parameter is left out, where documented. */
  default?: number;
}

/** A parameter missing here is not part of that protocol; providers do not send it. */
export interface ParameterRanges {
  temperature?: NumberRange;
  topP?: NumberRange;
  topK?: NumberRange;
  maxOutputTokens: NumberRange;
}

export type ParameterName = keyof ParameterRanges;

export const PARAMETER_RANGES: Record<ProviderKind, ParameterRanges> = {
  // OpenAI's own ranges (protocols.md §1.2). Compatible servers mostly accept the same; top_k
  // is not an OpenAI parameter and OpenAI rejects unknown ones, so it is never sent.
  'openai-compatible': {
    temperature: { min: 0, max: 2, default: 1 },
    topP: { min: 0, max: 1, default: 1 },
    maxOutputTokens: { min: 1, integer: true },
  },
  // Messages API: temperature 0–1. Models after Claude Opus 4.6 accept only temperature 1,
  // top_p ≥ 0.99 and no top_k (protocols.md §2.2): the server answers 400 otherwise.
  anthropic: {
    temperature: { min: 0, max: 1, default: 1 },
    topP: { min: 0, max: 1 },
    topK: { min: 1, integer: true },
    maxOutputTokens: { min: 1, integer: true, default: 4096 },
  },
  gemini: {
    temperature: { min: 0, max: 2 },
    topP: { min: 0, max: 1 },
    topK: { min: 1, integer: true },
    maxOutputTokens: { min: 1, integer: true },
  },
  // protocols.md §4.3: temperature (0,1] default 0.5; top_k 1–6 default 4; max_tokens up to
  // 8192 on V2/V3 (per-product caps are in SPARK_PRODUCTS). No top_p.
  spark: {
    temperature: { min: 0, max: 1, minExclusive: true, default: 0.5 },
    topK: { min: 1, max: 6, integer: true, default: 4 },
    maxOutputTokens: { min: 1, max: 8192, integer: true, default: 2048 },
  },
  // protocols.md §5.1 gives temperature (0, 1] for imported models only. The top_p range, the
  // max_output_tokens range 2–2048 and the defaults are Baidu's ERNIE pages as remembered,
  // UNCONFIRMED per model: a value the model rejects comes back as a bad_request with detail.
  qianfan: {
    temperature: { min: 0, max: 1, minExclusive: true, default: 0.8 },
    topP: { min: 0, max: 1, default: 0.8 },
    maxOutputTokens: { min: 2, max: 2048, integer: true },
  },
  // Whatever the described server takes: sent only where its templates name them.
  custom: {
    temperature: { min: 0, max: 2 },
    topP: { min: 0, max: 1 },
    topK: { min: 1, integer: true },
    maxOutputTokens: { min: 1, integer: true },
  },
};

/** The API's own names, shown in messages and labels (technical terms, not translated). */
export const PARAMETER_WIRE_NAMES: Record<ParameterName, string> = {
  temperature: 'temperature',
  topP: 'top_p',
  topK: 'top_k',
  maxOutputTokens: 'max_tokens',
};

/** `0–2`, `(0, 1]`, `≥ 1`: how a range reads in a hint or an error. */
export function formatRange(range: NumberRange): string {
  if (range.max === undefined) return range.minExclusive ? `> ${range.min}` : `≥ ${range.min}`;
  return range.minExclusive ? `(${range.min}, ${range.max}]` : `${range.min}–${range.max}`;
}

/** True when `value` may be sent as `name` to a provider of this kind. */
export function isParameterValid(kind: ProviderKind, name: ParameterName, value: number): boolean {
  const range = PARAMETER_RANGES[kind][name];
  if (!range || !Number.isFinite(value)) return false;
  if (range.integer && !Number.isInteger(value)) return false;
  if (range.minExclusive ? value <= range.min : value < range.min) return false;
  return range.max === undefined || value <= range.max;
}

// ---------------------------------------------------------------------------------------------
// Continue

/** See ProviderRequest.prefill for what each level means. */
export type PrefillSupport = 'native' | 'best-effort' | 'none';

export const PREFILL_SUPPORT: Record<ProviderKind, PrefillSupport> = {
  'openai-compatible': 'best-effort',
  anthropic: 'native',
  gemini: 'none',
  spark: 'none',
  qianfan: 'none',
  custom: 'none',
};

// ---------------------------------------------------------------------------------------------
// iFlytek Spark over WebSocket (protocols.md §4.1)

export interface SparkProduct {
  /** Stable id for settings; the model id a request carries is `domain`. */
  id: string;
  name: string;
  /** The product's own endpoint; the host is replaced by the connection's baseUrl origin. */
  url: string;
  /** `parameter.chat.domain`, also used as the model id in Brook. */
  domain: string;
  /**
   * Context window. The docs say history should stay within 8192 tokens; whether that also
   * holds for the 32K/128K/X1.5 products is UNCONFIRMED (protocols.md §10), so those use their
   * advertised size.
   */
  contextTokens: number;
  /** Upper bound of `max_tokens`. Only the V1.5 (4096) and V2/V3 (8192) caps are documented. */
  maxOutputTokens: number;
  /** Streams reasoning (X1). */
  reasoning: boolean;
}

export const SPARK_PRODUCTS: readonly SparkProduct[] = [
  { id: 'lite', name: 'Spark Lite', url: 'wss://spark-api.xf-yun.com/v1.1/chat', domain: 'lite', contextTokens: 8192, maxOutputTokens: 4096, reasoning: false },
  { id: 'pro', name: 'Spark Pro', url: 'wss://spark-api.xf-yun.com/v3.1/chat', domain: 'generalv3', contextTokens: 8192, maxOutputTokens: 8192, reasoning: false },
  { id: 'pro-128k', name: 'Spark Pro-128K', url: 'wss://spark-api.xf-yun.com/chat/pro-128k', domain: 'pro-128k', contextTokens: 131072, maxOutputTokens: 8192, reasoning: false },
  { id: 'max', name: 'Spark Max', url: 'wss://spark-api.xf-yun.com/v3.5/chat', domain: 'generalv3.5', contextTokens: 8192, maxOutputTokens: 8192, reasoning: false },
  { id: 'max-32k', name: 'Spark Max-32K', url: 'wss://spark-api.xf-yun.com/chat/max-32k', domain: 'max-32k', contextTokens: 32768, maxOutputTokens: 8192, reasoning: false },
  { id: '4.0-ultra', name: 'Spark 4.0 Ultra', url: 'wss://spark-api.xf-yun.com/v4.0/chat', domain: '4.0Ultra', contextTokens: 8192, maxOutputTokens: 8192, reasoning: false },
  // "64K input/output" per the X1 page; the max_tokens cap is UNCONFIRMED.
  { id: 'x1.5', name: 'Spark X1.5', url: 'wss://spark-api.xf-yun.com/v1/x1', domain: 'spark-x', contextTokens: 65536, maxOutputTokens: 65536, reasoning: true },
];

export function findSparkProduct(model: string): SparkProduct | undefined {
  const m = model.trim();
  return SPARK_PRODUCTS.find((p) => p.domain === m) ?? SPARK_PRODUCTS.find((p) => p.id === m.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Baidu ERNIE on Qianfan v1 (protocols.md §5.1)

export interface QianfanModel {
  /** The name users know, and the model id in Brook. */
  id: string;
  /** Last path segment of `/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/<endpoint>`. */
  endpoint: string;
  contextTokens: number;
}

/**
 * The first four come from the reference (SDK and Baidu pages); the rest follow Baidu's
 * lower-case naming and are UNCONFIRMED here. A model not in this table is sent to the
 * endpoint named like the model in lower case, so a dated or newer endpoint can be typed in.
 */
export const QIANFAN_MODELS: readonly QianfanModel[] = [
  { id: 'ERNIE-4.0-8K', endpoint: 'completions_pro', contextTokens: 8192 },
  { id: 'ERNIE-3.5-8K', endpoint: 'completions', contextTokens: 8192 },
  { id: 'ERNIE-3.5-8K-0701', endpoint: 'ernie-3.5-8k-0701', contextTokens: 8192 },
  { id: 'ERNIE-Bot-turbo', endpoint: 'eb-instant', contextTokens: 8192 },
  { id: 'ERNIE-4.0-Turbo-8K', endpoint: 'ernie-4.0-turbo-8k', contextTokens: 8192 },
  { id: 'ERNIE-3.5-128K', endpoint: 'ernie-3.5-128k', contextTokens: 131072 },
  { id: 'ERNIE-Speed-8K', endpoint: 'ernie_speed', contextTokens: 8192 },
  { id: 'ERNIE-Speed-128K', endpoint: 'ernie-speed-128k', contextTokens: 131072 },
  { id: 'ERNIE-Lite-8K', endpoint: 'ernie-lite-8k', contextTokens: 8192 },
  { id: 'ERNIE-Tiny-8K', endpoint: 'ernie-tiny-8k', contextTokens: 8192 },
];

export function qianfanEndpoint(model: string): string {
  const m = model.trim();
  const known = QIANFAN_MODELS.find((q) => q.id.toLowerCase() === m.toLowerCase() || q.endpoint === m);
  return known ? known.endpoint : m.toLowerCase();
}
