import { z } from 'zod';
import { acceleratorSchema } from '../accelerator';
import type { Settings } from '../domain';
import { WEB_SEARCH_BACKENDS } from '../webSearch';
import { empty, id, req, urlField } from './define';
import { STREAM_TIMEOUT_RANGE } from './limits';
import { settingsSchema } from './payloads';

/** A fixed port for a local server (unprivileged only), or null for a free one. */
const localPort = z.number().int().min(1024).max(65535).nullable();
/** The live feed's name for the assistant: what a subscriber matches `user` against. */
export const FEED_ASSISTANT_NAME_MAX = 64;
export const DEFAULT_FEED_ASSISTANT_NAME = 'assistant';
const feedAssistantName = z.string().trim().min(1).max(FEED_ASSISTANT_NAME_MAX);

export const settingsPatchSchema = z.strictObject({
  language: z.enum(['system', 'en', 'zh-CN']).optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  defaultProviderId: id.nullable().optional(),
  closeToTray: z.boolean().optional(),
  openAtLogin: z.boolean().optional(),
  proxyUrl: urlField(['http:', 'https:'], 'must be an http(s) proxy URL', false).nullable().optional(),
  streamTimeoutSeconds: z.number().int().min(STREAM_TIMEOUT_RANGE.min).max(STREAM_TIMEOUT_RANGE.max).optional(),
  localFeed: z.strictObject({ enabled: z.boolean().optional(), port: localPort.optional(), assistantName: feedAssistantName.optional() }).optional(),
  localApi: z
    .strictObject({ enabled: z.boolean().optional(), port: localPort.optional(), saveToHistory: z.boolean().optional() })
    .optional(),
  webSearch: z
    .strictObject({
      enabledByDefault: z.boolean().optional(),
      readPrivatePages: z.boolean().optional(),
      backend: z.enum(WEB_SEARCH_BACKENDS).optional(),
      /** '' clears it. */
      searxngUrl: urlField(['http:', 'https:'], 'must be an http(s) URL', true).optional(),
    })
    .optional(),
  quickAsk: z
    .strictObject({
      shortcut: acceleratorSchema.optional(),
      providerId: id.nullable().optional(),
      model: z.string().max(200).nullable().optional(),
      prefillFromClipboard: z.boolean().optional(),
    })
    .optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const settingsRequests = {
  'settings.get': req<Settings>()(empty),
  'settings.update': req<Settings>()(settingsPatchSchema),
};

export const settingsEvents = {
  'settings.updated': settingsSchema,
};
