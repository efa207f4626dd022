import { useTranslation } from 'react-i18next';
import { useController } from '../state/context';

/** No provider yet: nothing can be asked, so say what to do and offer the button. */
export function EmptyState() {
  const { t } = useTranslation();
  const controller = useController();
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-state__mark" aria-hidden="true" />
      <h2>{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
      <button type="button" className="button button--primary" onClick={() => controller.openSettings('providers')}>
        {t('empty.action')}
      </button>
    </div>
  );
}
