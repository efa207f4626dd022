import type { CustomTestResult } from '../../../shared/customEndpoint';
import type { ProviderDraft, RequestArgs } from '../../../shared/contract';
import type { ConnectionTestResult, ProviderView, Settings } from '../../../shared/domain';
import type { RendererClient } from '../client/types';
import type { KeyedSearchBackend } from '../../../shared/webSearch';
import { toErrorData } from './errors';
import type { AppStore } from './store';

/** Providers and settings: what the settings screen and the model picker change. */
export class SettingsController {
  /** Counts settings writes, so an older write's answer never undoes a newer change. */
  private settingsWrites = 0;

  constructor(
    private readonly client: RendererClient,
    private readonly store: AppStore,
  ) {}

  /** The live feed and local API status; failures become a notice. */
  async loadLocal(): Promise<void> {
    await this.localRequest('local.status');
  }

  async renewFeedToken(): Promise<void> {
    await this.localRequest('local.renewFeedToken');
  }

  async renewApiKey(): Promise<void> {
    await this.localRequest('local.renewApiKey');
  }

  private async localRequest(name: 'local.status' | 'local.renewFeedToken' | 'local.renewApiKey'): Promise<void> {
    try {
      this.store.setState({ local: await this.client.request(name, {}) });
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  /** Throws, so the form can show the reason next to the fields. */
  async saveProvider(id: string | undefined, draft: ProviderDraft): Promise<ProviderView> {
    const saved = await this.client.request('providers.save', id ? { id, draft } : { draft });
    await this.reloadProviders();
    return saved;
  }

  async removeProvider(id: string): Promise<void> {
    try {
      await this.client.request('providers.remove', { id });
      await this.reloadProviders();
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  /** Throws, so the form can show the reason. The pickers list the models the user ticked, not these. */
  testProvider(args: RequestArgs<'providers.test'>): Promise<ConnectionTestResult> {
    return this.client.request('providers.test', args);
  }

  /** Runs a custom endpoint description against its server: the frames beside what was read from each. */
  testCustomEndpoint(args: RequestArgs<'customEndpoint.test'>): Promise<CustomTestResult> {
    return this.client.request('customEndpoint.test', args);
  }

  async updateSettings(patch: RequestArgs<'settings.update'>): Promise<void> {
    try {
      await this.saveSettings(patch);
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  /**
   * Like updateSettings, but a refusal is thrown for the field to show, not raised as a notice.
   * The change shows at once: a SearXNG address saved with Enter just before Settings closes
   * must already count when the Web search switch is clicked, not after the core's answer.
   */
  async saveSettings(patch: RequestArgs<'settings.update'>): Promise<void> {
    const previous = this.store.getState().settings;
    if (previous) this.store.setState({ settings: patchSettings(previous, patch) });
    // Two quick changes (an address, then a checkbox): the first answer does not hold the second
    // change yet, so only the newest write's answer may replace what the user sees.
    const write = ++this.settingsWrites;
    try {
      const saved = await this.client.request('settings.update', patch);
      if (write === this.settingsWrites) this.store.setState({ settings: saved });
    } catch (err) {
      if (write === this.settingsWrites) this.store.setState({ settings: previous });
      throw err;
    }
  }

  async loadWebSearchKeys(): Promise<void> {
    try {
      this.store.setState({ webSearchKeys: await this.client.request('webSearch.keys', {}) });
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  /** Throws, so the field can show the reason; null removes the key. */
  async setWebSearchKey(backend: KeyedSearchBackend, key: string | null): Promise<void> {
    this.store.setState({ webSearchKeys: await this.client.request('webSearch.setKey', { backend, key }) });
  }

  /** Saving or removing a provider can change the default provider too. */
  private async reloadProviders(): Promise<void> {
    const [providers, settings] = await Promise.all([
      this.client.request('providers.list', {}),
      this.client.request('settings.get', {}),
    ]);
    this.store.setState({ providers, settings });
  }
}

/** The optimistic value shown until the core answers; same rules as the core's merge. */
function patchSettings(settings: Settings, patch: RequestArgs<'settings.update'>): Settings {
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  const { quickAsk, localFeed, localApi, webSearch, ...top } = patch;
  return {
    ...settings,
    ...defined(top),
    quickAsk: { ...settings.quickAsk, ...(quickAsk ? defined(quickAsk) : {}) },
    localFeed: { ...settings.localFeed, ...(localFeed ? defined(localFeed) : {}) },
    localApi: { ...settings.localApi, ...(localApi ? defined(localApi) : {}) },
    webSearch: { ...settings.webSearch, ...(webSearch ? defined(webSearch) : {}) },
  };
}
