import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before something that cannot be undone. Focus starts on Cancel; Escape cancels. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} onClose={onCancel} className="confirm" testId="confirm-dialog">
      <h2 id={titleId} className="modal__title">
        {title}
      </h2>
      <p className="confirm__message">{message}</p>
      <div className="modal__actions">
        <button type="button" className="button" data-testid="confirm-cancel" data-autofocus onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--danger" data-testid="confirm-ok" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
