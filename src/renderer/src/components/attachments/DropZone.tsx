import { useTranslation } from 'react-i18next';

/** What covers the conversation while files are dragged over it: where they go, and the limits. */
export function DropZone({ limitsText }: { limitsText: string }) {
  const { t } = useTranslation();
  return (
    <div className="file-drop-zone" data-testid="drop-zone" aria-hidden="true">
      <div className="file-drop-zone__inner">
        <span className="icon-paperclip file-drop-zone__icon" />
        <strong>{t('attachments.dropHere')}</strong>
        <span className="file-drop-zone__limits">{limitsText}</span>
      </div>
    </div>
  );
}
