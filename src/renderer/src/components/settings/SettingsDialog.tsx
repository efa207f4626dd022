import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useController } from '../../state/context';
import { Modal } from '../Modal';
import { sectionOrFirst, visibleSections } from './sectionRegistry';

/**
 * The settings page: a side list of sections and the chosen section beside it. Below 640 px
 * the list becomes a row of tabs above the section (CSS). The open section lives in the
 * store, so "Open settings" links from errors land in the right place.
 */
export function SettingsDialog() {
  const { t } = useTranslation();
  const controller = useController();
  const version = useAppState((s) => s.info?.version);
  const current = sectionOrFirst(useAppState((s) => s.settingsSection));
  const close = () => controller.closeSettings();
  return (
    <Modal labelledBy="settings-title" onClose={close} className="settings settings--page" testId="settings-dialog">
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
      <div className="settings__layout">
        <SectionList currentId={current.id} />
        <div
          className="settings__body"
          role="region"
          aria-label={t(current.labelKey)}
          data-testid="settings-section"
          data-section={current.id}
        >
          {current.panels.map((Panel, i) => (
            <Panel key={i} />
          ))}
          {version && <p className="settings__version">{t('settings.version', { version })}</p>}
        </div>
      </div>
    </Modal>
  );
}

/** The side list; Up/Down (Left/Right in the narrow tab row) move between sections. */
function SectionList({ currentId }: { currentId: string }) {
  const { t } = useTranslation();
  const controller = useController();
  const list = useRef<HTMLUListElement>(null);
  const sections = visibleSections();

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const at = sections.findIndex((s) => s.id === currentId);
    const next = sections[(at + step + sections.length) % sections.length]!;
    controller.showSettingsSection(next.id);
    list.current?.querySelector<HTMLButtonElement>(`[data-section="${next.id}"]`)?.focus();
  };

  return (
    <nav className="settings__nav" aria-label={t('settingsPage.sections')}>
      <ul ref={list} onKeyDown={onKeyDown}>
        {sections.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="settings__nav-item"
              data-testid={`settings-nav-${s.id}`}
              data-section={s.id}
              aria-current={s.id === currentId ? 'page' : undefined}
              tabIndex={s.id === currentId ? 0 : -1}
              onClick={() => controller.showSettingsSection(s.id)}
            >
              {t(s.labelKey)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
