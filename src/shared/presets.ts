import type { ProviderKind } from './domain';

export interface ProviderPreset {
  id: string;
  /** Display name; brand names are not translated. Spark/Qianfan '' base URL: the kind's default. */
  name: string;
  kind: ProviderKind;
  baseUrl: string;
  /** Local servers such as Ollama accept any key or none. */
  requiresKey: boolean;
  defaultModel: string;
  /** Used when the server has no `/models` endpoint or cannot be reached yet. */
  knownModels: string[];
  /** The base URL is meant to be typed by the user. */
  customUrl: boolean;
}

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  preset('openai', 'OpenAI', 'openai-compatible', 'https://api.openai.com/v1', ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'gpt-4.1-mini', 'o4-mini']),
  preset('anthropic', 'Anthropic', 'anthropic', 'https://api.anthropic.com', ['claude-sonnet-4-5', 'claude-opus-4-1', 'claude-haiku-4-5']),
  preset('gemini', 'Google Gemini', 'gemini', 'https://generativelanguage.googleapis.com/v1beta', ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.0-flash']),
  preset('deepseek', 'DeepSeek', 'openai-compatible', 'https://api.deepseek.com', ['deepseek-chat', 'deepseek-reasoner']),
  preset('moonshot', 'Moonshot / Kimi', 'openai-compatible', 'https://api.moonshot.cn/v1', ['kimi-k2-0905-preview', 'moonshot-v1-8k', 'moonshot-v1-32k', 'moonshot-v1-128k']),
  preset('qwen', 'Qwen (DashScope)', 'openai-compatible', 'https://dashscope.aliyuncs.com/compatible-mode/v1', ['qwen-plus', 'qwen-max', 'qwen-turbo']),
  preset('zhipu', 'Zhipu GLM', 'openai-compatible', 'https://open.bigmodel.cn/api/paas/v4', ['glm-4.6', 'glm-4.5', 'glm-4-flash']),
  preset('siliconflow', 'SiliconFlow', 'openai-compatible', 'https://api.siliconflow.cn/v1', ['deepseek-ai/DeepSeek-V3', 'Qwen/Qwen2.5-72B-Instruct']),
  preset('openrouter', 'OpenRouter', 'openai-compatible', 'https://openrouter.ai/api/v1', ['openai/gpt-4o-mini', 'anthropic/claude-sonnet-4.5']),
  preset('groq', 'Groq', 'openai-compatible', 'https://api.groq.com/openai/v1', ['llama-3.3-70b-versatile', 'llama-3.1-8b-instant']),
  preset('mistral', 'Mistral', 'openai-compatible', 'https://api.mistral.ai/v1', ['mistral-large-latest', 'mistral-small-latest']),
  preset('xai', 'xAI', 'openai-compatible', 'https://api.x.ai/v1', ['grok-4', 'grok-3-mini']),
  preset('huggingface', 'Hugging Face (HuggingChat router)', 'openai-compatible', 'https://router.huggingface.co/v1', ['openai/gpt-oss-120b', 'Qwen/Qwen3-32B']),
  preset('spark', 'iFlytek Spark (WebSocket)', 'spark', '', ['lite', 'generalv3', 'pro-128k', 'generalv3.5', 'max-32k', '4.0Ultra', 'x1']),
  preset('spark-http', 'iFlytek Spark (HTTP)', 'openai-compatible', 'https://spark-api-open.xf-yun.com/v1', ['lite', 'generalv3.5', '4.0Ultra']),
  preset('qianfan', 'Baidu ERNIE (Qianfan v1)', 'qianfan', '', ['ernie-4.0-8k', 'ernie-speed-128k', 'ernie-lite-8k']),
  preset('qianfan-v2', 'Baidu Qianfan v2', 'openai-compatible', 'https://qianfan.baidubce.com/v2', ['ernie-4.5-turbo-128k', 'ernie-x1-turbo-32k']),
  { ...preset('ollama', 'Ollama', 'openai-compatible', 'http://127.0.0.1:11434/v1', []), requiresKey: false, customUrl: true },
  { ...preset('lmstudio', 'LM Studio', 'openai-compatible', 'http://127.0.0.1:1234/v1', []), requiresKey: false, customUrl: true },
  { ...preset('custom', 'OpenAI-compatible (vLLM, llama.cpp, …)', 'openai-compatible', '', []), requiresKey: false, customUrl: true },
  // Any streaming endpoint the user describes (shared/customEndpoint.ts): its own form.
  { ...preset('custom-endpoint', 'Custom endpoint (describe any stream)', 'custom', '', []), requiresKey: false, customUrl: true },
];

/** Hosted services need a key and a fixed address; local servers are the exceptions above. */
function preset(id: string, name: string, kind: ProviderKind, baseUrl: string, knownModels: string[]): ProviderPreset {
  return { id, name, kind, baseUrl, requiresKey: true, defaultModel: knownModels[0] ?? '', knownModels, customUrl: false };
}

export function findPreset(id: string): ProviderPreset | undefined {
  return PROVIDER_PRESETS.find((p) => p.id === id);
}
