import { z } from 'zod';
import type { ConnectionTestResult, ProviderView } from '../domain';
import { PROVIDER_KINDS } from '../providerCatalog';
import { customEndpointSchema } from '../customEndpoint';
import { empty, id, req, secretField, urlField } from './define';

export const providerDraftSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(PROVIDER_KINDS).default('openai-compatible'),
  presetId: z.string().min(1).max(50),
  /** '' means the kind's default address; Spark speaks WebSocket, so ws(s) is allowed too. */
  baseUrl: urlField(['http:', 'https:', 'ws:', 'wss:'], 'must be an http(s) or ws(s) URL', true),
  /** Spark's APPID: an identifier, not a secret. */
  appId: z.string().trim().max(200).nullable().optional(),
  defaultModel: z.string().trim().max(200),
  /** Overrides the known context window (tokens) of this provider's models; null uses the known table. */
  contextWindow: z.number().int().min(512).max(10_000_000).nullable().optional(),
  apiKey: secretField,
  /** Spark's APISecret, Qianfan's Secret Key. */
  apiSecret: secretField,
  /** The custom kind's description; a secret header with value '' keeps the stored value. */
  custom: customEndpointSchema.optional(),
});
export type ProviderDraft = z.infer<typeof providerDraftSchema>;

export const providerRequests = {
  'providers.list': req<ProviderView[]>()(empty),
  'providers.save': req<ProviderView>()(z.strictObject({ id: id.optional(), draft: providerDraftSchema })),
  'providers.remove': req<null>()(z.strictObject({ id })),
  /** Tests a saved provider, or a draft (using the stored key when the draft leaves it unset). */
  'providers.test': req<ConnectionTestResult>()(z.strictObject({ id: id.optional(), draft: providerDraftSchema.optional() })),
};
