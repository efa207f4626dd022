import { useTranslation } from 'react-i18next';
import { useAppState, useController } from '../../state/context';
import { Modal } from '../Modal';
import { AssistantsSection } from './AssistantsSection';
import { DataSection } from './DataSection';
import { BackupSection } from './BackupSection';
import { GeneralSettings } from './GeneralSettings';
import { LocalServicesSettings } from './LocalServicesSettings';
import { ProvidersSection } from './ProvidersSection';
import { QuickAskSettings } from './QuickAskSettings';
import { UpdatesPanel } from './UpdatesPanel';
import { WebSearchSettings } from './WebSearchSettings';
import { SyncSettings } from '../sync/SyncSettings';

export function SettingsDialog() {
  const { t } = useTranslation();
  const controller = useController();
  const version = useAppState((s) => s.info?.version);
  const close = () => controller.closeSettings();
  return (
    <Modal labelledBy="settings-title" onClose={close} className="settings" testId="settings-dialog">
      <header className="settings__header">
        <h2 id="settings-title" className="modal__title">
          {t('settings.title')}
        </h2>
        <button
          type="button"
          className="icon-button"
          data-testid="close-settings"
          aria-label={t('settings.close')}
          title={t('settings.close')}
          onClick={close}
        >
          <span className="icon-close" aria-hidden="true" />
        </button>
      </header>
      <div className="settings__body">
        <ProvidersSection />
        <GeneralSettings />
        <WebSearchSettings />
        <QuickAskSettings />
        <LocalServicesSettings />
        <AssistantsSection />
        <DataSection />
        <BackupSection />
        <SyncSettings />
        <UpdatesPanel />
        {version && <p className="settings__version">{t('settings.version', { version })}</p>}
      </div>
    </Modal>
  );
}
