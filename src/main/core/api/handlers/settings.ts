import type { Handlers, SettingsPatch } from '../../../../shared/contract';
import type { Settings } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import type { HandlerDeps } from '../deps';

/** Reading and changing settings; a change reaches the desktop shell and the local servers at once. */
export const settingsHandlers = (d: HandlerDeps) =>
  ({
    'settings.get': () => d.settings.read().settings,
    'settings.update': (patch) => {
      for (const providerId of [patch.defaultProviderId, patch.quickAsk?.providerId]) {
        if (providerId && !d.providers.get(providerId)) throw new AppError('not_found', { detail: `provider ${providerId}` });
      }
      const settings = d.settings.update((s) => ({ ...s, settings: mergeSettings(s.settings, patch) })).settings;
      d.bus.emit('settings.updated', settings);
      d.bus.emit('desktop.statusChanged', d.desktop.applySettings(settings));
      void d.local.apply(settings);
      return settings;
    },
  }) satisfies Partial<Handlers>;

/** Top-level fields replace; the quickAsk, localFeed, localApi and webSearch groups merge field by field. */
export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  const { quickAsk, localFeed, localApi, webSearch, ...top } = patch;
  return {
    ...current,
    ...defined(top),
    quickAsk: { ...current.quickAsk, ...(quickAsk ? defined(quickAsk) : {}) },
    localFeed: { ...current.localFeed, ...(localFeed ? defined(localFeed) : {}) },
    localApi: { ...current.localApi, ...(localApi ? defined(localApi) : {}) },
    webSearch: { ...current.webSearch, ...(webSearch ? defined(webSearch) : {}) },
  };
}
