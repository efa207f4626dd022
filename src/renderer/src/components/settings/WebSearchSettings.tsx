import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/errors';
import { WEB_SEARCH_BACKENDS, type KeyedSearchBackend, type WebSearchBackend } from '../../../../shared/webSearch';
import { useErrorText } from '../../hooks/useErrorText';
import { useAppState, useController } from '../../state/context';
import { toErrorData } from '../../state/errors';
import { Toggle } from './Toggle';
import { UrlField } from './UrlField';

const BACKEND_LABEL: Record<WebSearchBackend, string> = {
  searxng: 'webSearch.backendSearxng',
  tavily: 'webSearch.backendTavily',
  brave: 'webSearch.backendBrave',
  native: 'webSearch.backendNative',
};
const ENGINE_NAME: Record<KeyedSearchBackend, string> = { tavily: 'Tavily', brave: 'Brave' };

/** The default switch, the engine, its address or key. Keys go to the core's secret store and never come back. */
export function WebSearchSettings() {
  const { t } = useTranslation();
  const controller = useController();
  const settings = useAppState((s) => s.settings?.webSearch);
  useEffect(() => {
    void controller.settings.loadWebSearchKeys();
  }, [controller]);
  if (!settings) return null;
  return (
    <section className="settings-section" aria-labelledby="settings-web-search">
      <h3 id="settings-web-search">{t('webSearch.settings')}</h3>
      <Toggle
          testId="web-search-default"
          label={t('webSearch.enabledByDefault')}
          checked={settings.enabledByDefault}
          onChange={(checked) => void controller.settings.updateSettings({ webSearch: { enabledByDefault: checked } })}
        />
      <label className="field field--row">
        <span className="field__label">{t('webSearch.backend')}</span>
        <select
          data-testid="web-search-backend"
          value={settings.backend}
          onChange={(e) => {
            const backend = WEB_SEARCH_BACKENDS.find((b) => b === e.target.value);
            if (backend) void controller.settings.updateSettings({ webSearch: { backend } });
          }}
        >
          {WEB_SEARCH_BACKENDS.map((b) => (
            <option key={b} value={b}>
              {t(BACKEND_LABEL[b])}
            </option>
          ))}
        </select>
      </label>
      {settings.backend === 'searxng' && <SearxngUrlField value={settings.searxngUrl} />}
      {(settings.backend === 'tavily' || settings.backend === 'brave') && <SearchKeyField backend={settings.backend} />}
      {settings.backend !== 'native' && (
        <div className="field">
          <Toggle
            testId="web-search-private-pages"
            label={t('webSearch.readPrivatePages')}
            checked={settings.readPrivatePages}
            onChange={(checked) => void controller.settings.updateSettings({ webSearch: { readPrivatePages: checked } })}
          />
          <span className="field__hint">{t('webSearch.readPrivatePagesHint')}</span>
        </div>
      )}
    </section>
  );
}

function SearxngUrlField({ value }: { value: string }) {
  const { t } = useTranslation();
  const controller = useController();
  return (
    <UrlField
      id="settings-searxng-url"
      testId="searxng-url"
      label={t('webSearch.searxngUrl')}
      placeholder="https://searx.example.org"
      hint={t('webSearch.searxngHint')}
      value={value}
      save={(text) => controller.settings.saveSettings({ webSearch: { searxngUrl: text } })}
    />
  );
}

function SearchKeyField({ backend }: { backend: KeyedSearchBackend }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const controller = useController();
  const hasKey = useAppState((s) => s.webSearchKeys[backend]);
  const [text, setText] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const save = async (key: string | null) => {
    try {
      await controller.settings.setWebSearchKey(backend, key);
      setText('');
      setError(null);
    } catch (err) {
      setError(toErrorData(err));
    }
  };
  const engine = ENGINE_NAME[backend];
  return (
    <div className="field">
      <label className="field__label" htmlFor="settings-search-key">
        {t('webSearch.key', { engine })}
      </label>
      <div className="field__inline">
        <input
          id="settings-search-key"
          data-testid="search-key"
          type="password"
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="button" className="button" data-testid="search-key-save" disabled={text.trim() === ''} onClick={() => void save(text.trim())}>
          {t('webSearch.saveKey')}
        </button>
        {hasKey && (
          <button type="button" className="button" data-testid="search-key-remove" onClick={() => void save(null)}>
            {t('webSearch.removeKey')}
          </button>
        )}
      </div>
      {error ? (
        <span className="field__error" role="alert">
          {errorText(error)}
        </span>
      ) : (
        <span className="field__hint" data-testid="search-key-status">
          {hasKey ? t('webSearch.keySet') : t('webSearch.keyMissing')}
        </span>
      )}
    </div>
  );
}
