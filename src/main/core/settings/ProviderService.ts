import { randomUUID } from 'node:crypto';
import type { ConnectionTestResult, ProviderView } from '../../../shared/domain';
import type { ProviderDraft } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { getProviderFactory } from '../providers/registry';
import type { Provider, ProviderDeps } from '../providers/provider';
import type { SecretStore } from './secrets';
import type { ProviderRecord, SettingsRepository } from './settingsState';

const CONNECTION_TEST_TIMEOUT_MS = 15_000;

export interface ResolvedProvider {
  record: ProviderRecord;
  provider: Provider;
}

/** Provider configurations (settings) joined with their keys (secrets). */
export class ProviderService {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly secrets: SecretStore,
    private readonly deps: ProviderDeps,
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
      kind: 'openai-compatible',
      presetId: draft.presetId,
      baseUrl: draft.baseUrl.replace(/\/+$/, ''),
      defaultModel: draft.defaultModel,
      createdAt: existing?.createdAt ?? this.clock(),
    };
    if (draft.apiKey === undefined && existing && this.secrets.get(record.id) !== null && !sameOrigin(existing.baseUrl, record.baseUrl)) {
      // A key belongs to the server it was given for; moving it elsewhere needs the user to say so.
      throw new AppError('bad_request', { messageKey: 'errors.reenterKey', retryable: false });
    }
    if (draft.apiKey === null || draft.apiKey === '') this.secrets.delete(record.id);
    else if (draft.apiKey !== undefined) this.secrets.set(record.id, draft.apiKey);
    this.settings.update((state) => ({
      settings: {
        ...state.settings,
        defaultProviderId: state.settings.defaultProviderId ?? record.id,
      },
      providers: existing
        ? state.providers.map((p) => (p.id === record.id ? record : p))
        : [...state.providers, record],
    }));
    return this.toView(record);
  }

  remove(id: string): void {
    this.secrets.delete(id);
    this.settings.update((state) => {
      const providers = state.providers.filter((p) => p.id !== id);
      const defaultProviderId =
        state.settings.defaultProviderId === id ? (providers[0]?.id ?? null) : state.settings.defaultProviderId;
      return { settings: { ...state.settings, defaultProviderId }, providers };
    });
  }

  /** Lists models as the connection test: it proves address, path and key in one call. */
  async test(id: string | undefined, draft: ProviderDraft | undefined): Promise<ConnectionTestResult> {
    const stored = id ? this.get(id) : null;
    if (id && !stored) throw new AppError('not_found', { detail: `provider ${id}` });
    const baseUrl = (draft?.baseUrl ?? stored?.baseUrl ?? '').replace(/\/+$/, '');
    const apiKey = draft?.apiKey === undefined ? (id ? this.secrets.get(id) : null) : draft.apiKey || null;
    if (draft?.apiKey === undefined && apiKey !== null && stored && !sameOrigin(stored.baseUrl, baseUrl)) {
      // Never send a stored key to an address other than the one it was saved for.
      throw new AppError('bad_request', { messageKey: 'errors.reenterKey', retryable: false });
    }
    const provider = getProviderFactory('openai-compatible').create({ baseUrl, apiKey }, this.deps);
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
      { baseUrl: record.baseUrl, apiKey: this.secrets.get(record.id) },
      this.deps,
    );
    return { record, provider };
  }

  private toView(record: ProviderRecord): ProviderView {
    return {
      id: record.id,
      name: record.name,
      kind: record.kind,
      presetId: record.presetId,
      baseUrl: record.baseUrl,
      defaultModel: record.defaultModel,
      hasKey: this.secrets.get(record.id) !== null,
      createdAt: record.createdAt,
    };
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
