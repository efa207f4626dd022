import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../../shared/contract';
import { useErrorText } from '../../hooks/useErrorText';
import { useAppState, useController } from '../../state/context';
import { CopyField } from './CopyField';
import { Toggle } from './Toggle';
import { PortField } from './PortField';
import { FeedAssistantNameField } from './FeedAssistantNameField';

/**
 * The live feed (other programs follow every stream) and the local OpenAI-compatible API (other
 * programs use Brook's providers). Both are off until turned on, and listen on 127.0.0.1 only.
 */
export function LocalServicesSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const controller = useController();
  const settings = useAppState((s) => s.settings);
  const local = useAppState((s) => s.local);
  useEffect(() => {
    void controller.settings.loadLocal();
  }, [controller]);
  if (!settings) return null;
  const update = (patch: SettingsPatch) => void controller.settings.updateSettings(patch);
  const { localFeed, localApi } = settings;

  return (
    <section className="settings-section" aria-labelledby="settings-local" data-testid="local-settings">
      <h3 id="settings-local">{t('local.title')}</h3>
      <p className="field__hint local-intro">{t('local.intro')}</p>

      <Toggle testId="local-feed-toggle" label={t('local.feed')} checked={localFeed.enabled} onChange={(checked) => update({ localFeed: { enabled: checked } })} />
      {localFeed.enabled && (
        <div className="local-group">
          <PortField id="local-feed-port" testId="local-feed-port" value={localFeed.port} onSave={(port) => update({ localFeed: { port } })} />
          {local?.feed.url && (
            <>
              <CopyField label={t('local.feedUrl')} value={local.feed.url} testId="local-feed-url">
                <button type="button" className="button" data-testid="local-feed-renew" onClick={() => void controller.settings.renewFeedToken()}>
                  {t('local.newToken')}
                </button>
              </CopyField>
              <p className="field__hint">{t('local.feedHint')}</p>
              {/* uxl (#14): feed compatibility; the lead may move it with the Local services section. */}
              <FeedAssistantNameField value={localFeed.assistantName} />
            </>
          )}
          {local?.feed.error && (
            <p className="field__error" role="alert" data-testid="local-feed-error">
              {errorText(local.feed.error)}
            </p>
          )}
        </div>
      )}

      <Toggle testId="local-api-toggle" label={t('local.api')} checked={localApi.enabled} onChange={(checked) => update({ localApi: { enabled: checked } })} />
      {localApi.enabled && (
        <div className="local-group">
          <PortField id="local-api-port" testId="local-api-port" value={localApi.port} onSave={(port) => update({ localApi: { port } })} />
          {local?.api.baseUrl && <CopyField label={t('local.apiBaseUrl')} value={local.api.baseUrl} testId="local-api-url" />}
          {local?.api.key && (
            <CopyField label={t('local.apiKey')} value={local.api.key} testId="local-api-key">
              <button type="button" className="button" data-testid="local-api-renew" onClick={() => void controller.settings.renewApiKey()}>
                {t('local.newKey')}
              </button>
            </CopyField>
          )}
          <p className="field__hint">{t('local.apiHint')}</p>
          <Toggle testId="local-api-save-toggle" label={t('local.saveToHistory')} checked={localApi.saveToHistory} onChange={(checked) => update({ localApi: { saveToHistory: checked } })} />
          {local?.api.error && (
            <p className="field__error" role="alert" data-testid="local-api-error">
              {errorText(local.api.error)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
