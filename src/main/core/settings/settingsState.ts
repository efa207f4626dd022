import { z } from 'zod';
import type { Settings } from '../../../shared/domain';

export const providerRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.literal('openai-compatible'),
  presetId: z.string(),
  baseUrl: z.string(),
  defaultModel: z.string(),
  createdAt: z.number(),
});
export type ProviderRecord = z.infer<typeof providerRecordSchema>;

export const settingsSchema = z.object({
  language: z.enum(['system', 'en', 'zh-CN']).catch('system'),
  theme: z.enum(['system', 'light', 'dark']).catch('system'),
  defaultProviderId: z.string().nullable().catch(null),
});

/** What is persisted in electron-store (Electron) or conf (browser mode). Never a key. */
export const storedStateSchema = z.object({
  settings: settingsSchema.catch(defaultSettings()),
  providers: z.array(providerRecordSchema).catch([]),
});
export type StoredState = z.infer<typeof storedStateSchema>;

export function defaultSettings(): Settings {
  return { language: 'system', theme: 'system', defaultProviderId: null };
}

export function defaultState(): StoredState {
  return { settings: defaultSettings(), providers: [] };
}

/**
 * electron-store and conf share this shape (`store` is a getter/setter over the JSON file),
 * so the core works with either without knowing which.
 */
export interface SettingsBackend {
  store: Record<string, unknown>;
}

export class SettingsRepository {
  constructor(private readonly backend: SettingsBackend) {}

  read(): StoredState {
    // A hand-edited or older file degrades field by field to defaults instead of failing.
    const parsed = storedStateSchema.safeParse(this.backend.store);
    return parsed.success ? parsed.data : defaultState();
  }

  write(state: StoredState): void {
    this.backend.store = { ...state };
  }

  update(fn: (state: StoredState) => StoredState): StoredState {
    const next = fn(this.read());
    this.write(next);
    return next;
  }
}
