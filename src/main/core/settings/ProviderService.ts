import { randomUUID } from 'node:crypto';
import type { CustomTestResult } from '../../../shared/customEndpoint';
import type { ConnectionTestResult, ProviderKind, ProviderView } from '../../../shared/domain';
import type { ProviderDraft } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { nativeSearchPreset } from '../../../shared/webSearch';
import { getProviderFactory, testCustomEndpoint, type Provider, type ProviderConnection, type ProviderDeps } from '../providers';
import { assertSecretsMayFollow as assertHeadersMayFollow, removeCustomSecrets, secretHeaderValues, storeCustomEndpoint, storedSecretHeaders } from './customEndpointSecrets';
import type { SecretStore } from './secrets';
import type { ProviderRecord, SettingsRepository } from './settingsState';

const CONNECTION_TEST_TIMEOUT_MS = 15_000;
/** A custom endpoint's Test reads a whole answer, which takes longer than a model list. */
const CUSTOM_TEST_TIMEOUT_MS = 120_000;

export interface ResolvedProvider {
  record: ProviderRecord;
  provider: Provider;
}

/** Secret-store entries of a provider: its key, and the second secret some kinds need. */
const keyId = (id: string) => id;
const secretId = (id: string) => `${id}#secret`;

/** Provider configurations (settings) joined with their secrets (secret store). */
export class ProviderService {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly secrets: SecretStore,
    /** Network access for a provider at this address (its proxy may differ per host). */
    private readonly depsFor: (baseUrl: string, kind: ProviderKind) => ProviderDeps,
    private readonly clock: () => number = Date.now,
  ) {}

  list(): ProviderView[] {
    return this.settings.read().providers.map((r) => this.toView(r));
  }

  get(id: string): ProviderRecord | null {
    return this.settings.read().providers.find((p) => p.id === id) ?? null;
  }

  save(id: string | undefined, draft: ProviderDraft): ProviderView {
    const existing = id ? this.get(id) : null;
    if (id && !existing) throw new AppError('not_found', { detail: `provider ${id}` });
    const record: ProviderRecord = {
      id: existing?.id ?? randomUUID(),
      name: draft.name,
      kind: draft.kind,
      presetId: draft.presetId,
      baseUrl: draft.baseUrl.replace(/\/+$/, ''),
      appId: draft.appId === undefined ? existing?.appId : draft.appId || undefined,
      defaultModel: draft.defaultModel,
      contextWindow: draft.contextWindow === undefined ? existing?.contextWindow : (draft.contextWindow ?? undefined),
      createdAt: existing?.createdAt ?? this.clock(),
    };
    if (existing) this.assertSecretsMayFollow(existing, record, draft);
    if (draft.kind === 'custom') this.takeCustom(record, existing, draft);
    else if (existing?.custom) removeCustomSecrets(this.secrets, existing.id, existing.custom);
    this.storeSecret(keyId(record.id), draft.apiKey);
    this.storeSecret(secretId(record.id), draft.apiSecret);
    this.settings.update((state) => ({
      settings: { ...state.settings, defaultProviderId: state.settings.defaultProviderId ?? record.id },
      providers: existing
        ? state.providers.map((p) => (p.id === record.id ? record : p))
        : [...state.providers, record],
    }));
    return this.toView(record);
  }

  remove(id: string): void {
    removeCustomSecrets(this.secrets, id, this.get(id)?.custom);
    this.secrets.delete(keyId(id));
    this.secrets.delete(secretId(id));
    this.settings.update((state) => {
      const providers = state.providers.filter((p) => p.id !== id);
      const defaultProviderId =
        state.settings.defaultProviderId === id ? (providers[0]?.id ?? null) : state.settings.defaultProviderId;
      return { settings: { ...state.settings, defaultProviderId }, providers };
    });
  }

  /** Lists models as the connection test: it proves address, path and credentials in one call. */
  async test(id: string | undefined, draft: ProviderDraft | undefined): Promise<ConnectionTestResult> {
    const stored = id ? this.get(id) : null;
    if (id && !stored) throw new AppError('not_found', { detail: `provider ${id}` });
    const kind = draft?.kind ?? stored?.kind ?? 'openai-compatible';
    const baseUrl = (draft?.baseUrl ?? stored?.baseUrl ?? '').replace(/\/+$/, '');
    if (stored && draft) this.assertSecretsMayFollow(stored, { ...stored, kind, baseUrl }, draft);
    const connection: ProviderConnection = {
      baseUrl,
      apiKey: this.secretFor(stored, keyId, draft?.apiKey),
      apiSecret: this.secretFor(stored, secretId, draft?.apiSecret),
      appId: (draft?.appId === undefined ? stored?.appId : draft.appId) || null,
    };
    const provider = getProviderFactory(kind).create(connection, this.depsFor(baseUrl, kind));
    const models = await provider.listModels(AbortSignal.timeout(CONNECTION_TEST_TIMEOUT_MS));
    return { models };
  }

  /** The provider a turn should use: the conversation's, else the default, else the first. */
  resolve(preferredId: string | null): ResolvedProvider {
    const state = this.settings.read();
    const record =
      state.providers.find((p) => p.id === preferredId) ??
      state.providers.find((p) => p.id === state.settings.defaultProviderId) ??
      state.providers[0];
    if (!record) throw new AppError('bad_request', { messageKey: 'errors.noProvider', retryable: false });
    const provider = getProviderFactory(record.kind).create(
      {
        baseUrl: record.baseUrl,
        apiKey: this.secrets.get(keyId(record.id)),
        apiSecret: this.secrets.get(secretId(record.id)),
        appId: record.appId ?? null,
        nativeSearch: nativeSearchPreset(record.kind, record.presetId),
        custom: record.custom && { endpoint: record.custom, secretHeaders: secretHeaderValues(this.secrets, record.id, record.custom) },
      },
      this.depsFor(record.baseUrl, record.kind),
    );
    return { record, provider };
  }

  /**
   * Test for a custom endpoint description: one real request with `question`, its frames and
   * what was read from each (secret headers: the draft's where typed, else the stored ones).
   */
  async testCustom(id: string | undefined, draft: ProviderDraft, question: string): Promise<CustomTestResult> {
    const stored = id ? this.get(id) : null;
    if (id && !stored) throw new AppError('not_found', { detail: `provider ${id}` });
    if (!draft.custom) throw new AppError('bad_request', { messageKey: 'customEndpoint.errors.noDescription', retryable: false });
    if (stored) assertHeadersMayFollow(this.secrets, stored.id, stored.custom, draft.custom);
    const secretHeaders = secretHeaderValues(this.secrets, stored?.id ?? null, draft.custom);
    const sample = { model: draft.defaultModel, question, conversationId: 'brook-test' };
    const deps = this.depsFor(draft.custom.request.url, 'custom');
    return testCustomEndpoint({ endpoint: draft.custom, secretHeaders }, deps, sample, AbortSignal.timeout(CUSTOM_TEST_TIMEOUT_MS));
  }

  /** The custom kind: its description (secrets to the store), its URL and its context window. */
  private takeCustom(record: ProviderRecord, existing: ProviderRecord | null, draft: ProviderDraft): void {
    if (!draft.custom) throw new AppError('bad_request', { messageKey: 'customEndpoint.errors.noDescription', retryable: false });
    record.custom = storeCustomEndpoint(this.secrets, record.id, existing?.custom, draft.custom);
    record.baseUrl = draft.custom.request.url;
    record.contextWindow = draft.custom.contextWindow;
  }

  /**
   * A stored secret belongs to the server it was given for. Pointing the provider elsewhere
   * (or at another kind of service) needs the user to enter it again.
   */
  private assertSecretsMayFollow(before: ProviderRecord, after: Pick<ProviderRecord, 'kind' | 'baseUrl'>, draft: ProviderDraft): void {
    if (sameService(before, after)) return;
    const keptKey = draft.apiKey === undefined && this.secrets.get(keyId(before.id)) !== null;
    const keptSecret = draft.apiSecret === undefined && this.secrets.get(secretId(before.id)) !== null;
    if (keptKey || keptSecret) throw new AppError('bad_request', { messageKey: 'errors.reenterKey', retryable: false });
  }

  private secretFor(stored: ProviderRecord | null, slot: (id: string) => string, given: string | null | undefined): string | null {
    if (given !== undefined) return given || null;
    return stored ? this.secrets.get(slot(stored.id)) : null;
  }

  private storeSecret(slot: string, value: string | null | undefined): void {
    if (value === undefined) return;
    if (value === null || value === '') this.secrets.delete(slot);
    else this.secrets.set(slot, value);
  }

  private toView(record: ProviderRecord): ProviderView {
    return {
      id: record.id,
      name: record.name,
      kind: record.kind,
      presetId: record.presetId,
      baseUrl: record.baseUrl,
      appId: record.appId ?? null,
      defaultModel: record.defaultModel,
      contextWindow: record.contextWindow ?? null,
      hasKey: this.secrets.get(keyId(record.id)) !== null,
      hasSecret: this.secrets.get(secretId(record.id)) !== null,
      custom: record.custom ?? null,
      storedSecretHeaders: record.custom ? storedSecretHeaders(this.secrets, record.id, record.custom) : [],
      createdAt: record.createdAt,
    };
  }
}

function sameService(a: Pick<ProviderRecord, 'kind' | 'baseUrl'>, b: Pick<ProviderRecord, 'kind' | 'baseUrl'>): boolean {
  if (a.kind !== b.kind) return false;
  if (a.baseUrl === b.baseUrl) return true;
  try {
    return new URL(a.baseUrl).origin === new URL(b.baseUrl).origin;
  } catch {
    return false;
  }
}
