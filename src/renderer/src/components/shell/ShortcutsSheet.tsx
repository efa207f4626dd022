import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../Modal';
import { SHORTCUTS, shortcutLabel } from './shortcuts';

/** Every keyboard shortcut of the main window, translated (Ctrl/Cmd+/ opens it). */
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} onClose={onClose} className="shortcuts-sheet" testId="shortcuts-sheet">
      <div className="shortcuts-sheet__head">
        <h2 id={titleId} className="modal__title">
          {t('shell.shortcuts.title')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('common.dismiss')} title={t('common.dismiss')} data-autofocus onClick={onClose}>
          <span className="icon-close" aria-hidden="true" />
        </button>
      </div>
      <dl className="shortcuts-sheet__list">
        {SHORTCUTS.map((s) => (
          <div key={s.id} className="shortcuts-sheet__row" data-testid={`shortcut-${s.id}`}>
            <dt>{t(`shell.shortcuts.${s.id}`)}</dt>
            <dd>
              <kbd>{shortcutLabel(s.key, { mod: s.mod, shift: s.shift })}</kbd>
            </dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
