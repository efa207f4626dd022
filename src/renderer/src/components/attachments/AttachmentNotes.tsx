import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';

/** Shown at most; the rest are counted ("…and 4 more not added"). */
const SHOWN = 3;

/** Why files were not added (a limit, an unreadable file), above the message box; the typed text is untouched. */
export function AttachmentNotes({ notes, onDismiss }: { notes: readonly AppErrorData[]; onDismiss(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (notes.length === 0) return null;
  return (
    <div className="attachment-notes" role="alert" data-testid="attachment-notes">
      <ul>
        {notes.slice(0, SHOWN).map((note, i) => (
          <li key={i}>{errorText(note)}</li>
        ))}
        {notes.length > SHOWN && <li>{t('attachments.andMore', { count: notes.length - SHOWN })}</li>}
      </ul>
      <button type="button" className="icon-button" aria-label={t('attachments.dismiss')} title={t('attachments.dismiss')} onClick={onDismiss}>
        <span className="icon-close" aria-hidden="true" />
      </button>
    </div>
  );
}
