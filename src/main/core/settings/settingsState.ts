import { z } from 'zod';
import type { Settings } from '../../../shared/domain';
import { defaultQuickAskShortcut, isValidAccelerator } from '../../../shared/accelerator';
import { PROVIDER_KINDS } from '../../../shared/providerCatalog';
import { customEndpointSchema } from '../../../shared/customEndpoint';
import { STREAM_TIMEOUT_RANGE } from '../../../shared/contract';
import { WEB_SEARCH_BACKENDS } from '../../../shared/webSearch';

export const providerRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  presetId: z.string(),
  baseUrl: z.string(),
  appId: z.string().optional(),
  defaultModel: z.string(),
  /** Overrides the known context window of this provider's models (a local server's num_ctx). */
  contextWindow: z.number().int().positive().optional(),
  /** The custom kind's endpoint description; secret header values are '' here (they are in the secret store). */
  custom: customEndpointSchema.optional(),
  createdAt: z.number(),
});
export type ProviderRecord = z.infer<typeof providerRecordSchema>;

const quickAskSchema = z.object({
  shortcut: z.string().refine(isValidAccelerator).catch(defaultQuickAskShortcut(process.platform)),
  providerId: z.string().nullable().catch(null),
  model: z.string().nullable().catch(null),
  prefillFromClipboard: z.boolean().catch(false),
});

const localPortSchema = z.number().int().min(1024).max(65535).nullable().catch(null);
const webSearchSchema = z.object({
  enabledByDefault: z.boolean().catch(false),
  backend: z.enum(WEB_SEARCH_BACKENDS).catch('searxng'),
  searxngUrl: z.string().catch(''),
  readPrivatePages: z.boolean().catch(false),
});

export const settingsSchema = z.object({
  language: z.enum(['system', 'en', 'zh-CN']).catch('system'),
  theme: z.enum(['system', 'light', 'dark']).catch('system'),
  defaultProviderId: z.string().nullable().catch(null),
  closeToTray: z.boolean().catch(true),
  openAtLogin: z.boolean().catch(false),
  quickAsk: quickAskSchema.catch(() => defaultSettings().quickAsk),
  proxyUrl: z.string().nullable().catch(null),
  streamTimeoutSeconds: z
    .number()
    .int()
    .min(STREAM_TIMEOUT_RANGE.min)
    .max(STREAM_TIMEOUT_RANGE.max)
    .catch(STREAM_TIMEOUT_RANGE.default),
  localFeed: z
    .object({ enabled: z.boolean().catch(false), port: localPortSchema })
    .catch(() => defaultSettings().localFeed),
  localApi: z
    .object({ enabled: z.boolean().catch(false), port: localPortSchema, saveToHistory: z.boolean().catch(false) })
    .catch(() => defaultSettings().localApi),
  webSearch: webSearchSchema.catch(() => defaultSettings().webSearch),
});

/** What is persisted in electron-store (Electron) or conf (browser mode). Never a key. */
export const storedStateSchema = z.object({
  settings: settingsSchema.catch(defaultSettings()),
  providers: z.array(providerRecordSchema).catch([]),
});
export type StoredState = z.infer<typeof storedStateSchema>;

export function defaultSettings(platform: string = process.platform): Settings {
  return {
    language: 'system',
    theme: 'system',
    defaultProviderId: null,
    closeToTray: true,
    openAtLogin: false,
    quickAsk: { shortcut: defaultQuickAskShortcut(platform), providerId: null, model: null, prefillFromClipboard: false },
    proxyUrl: null,
    streamTimeoutSeconds: STREAM_TIMEOUT_RANGE.default,
    localFeed: { enabled: false, port: null },
    localApi: { enabled: false, port: null, saveToHistory: false },
    webSearch: { enabledByDefault: false, backend: 'searxng', searxngUrl: '', readPrivatePages: false },
  };
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
