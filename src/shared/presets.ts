import type { ProviderKind } from './domain';

export interface ProviderPreset {
  id: string;
  /** Display name; brand names are not translated. */
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
  {
    id: 'openai',
    name: 'OpenAI',
    kind: 'openai-compatible',
    baseUrl: 'https://api.openai.com/v1',
    requiresKey: true,
    defaultModel: 'gpt-4o-mini',
    knownModels: ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'gpt-4.1-mini', 'o4-mini'],
    customUrl: false,
  },
  {
    id: 'deepseek',
    name: 'DeepSeek',
    kind: 'openai-compatible',
    baseUrl: 'https://api.deepseek.com',
    requiresKey: true,
    defaultModel: 'deepseek-chat',
    knownModels: ['deepseek-chat', 'deepseek-reasoner'],
    customUrl: false,
  },
  {
    id: 'ollama',
    name: 'Ollama',
    kind: 'openai-compatible',
    baseUrl: 'http://127.0.0.1:11434/v1',
    requiresKey: false,
    defaultModel: '',
    knownModels: [],
    customUrl: true,
  },
  {
    id: 'custom',
    name: 'OpenAI-compatible',
    kind: 'openai-compatible',
    baseUrl: '',
    requiresKey: false,
    defaultModel: '',
    knownModels: [],
    customUrl: true,
  },
];

export function findPreset(id: string): ProviderPreset | undefined {
  return PROVIDER_PRESETS.find((p) => p.id === id);
}
