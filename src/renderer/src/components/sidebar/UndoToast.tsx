import { useTranslation } from 'react-i18next';
import { useAppState, useController } from '../../state/context';

/** "Conversation deleted · Undo", for a few seconds after a delete. */
export function UndoToast() {
  const { t } = useTranslation();
  const controller = useController();
  const pending = useAppState((s) => s.pendingDelete);
  if (!pending) return null;
  return (
    <div className="undo-toast" role="status" data-testid="undo-toast">
      <span className="undo-toast__text">{t('sidebar.deleted', { title: pending.title || t('conversation.untitled') })}</span>
      <button type="button" className="button button--small" data-testid="undo-delete" onClick={() => void controller.undoDelete()}>
        {t('sidebar.undo')}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('common.dismiss')}
        title={t('common.dismiss')}
        onClick={() => controller.dismissUndo()}
      >
        <span className="icon-close" aria-hidden="true" />
      </button>
    </div>
  );
}
