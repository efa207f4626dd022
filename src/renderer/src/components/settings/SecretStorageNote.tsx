import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/context';

/** Tells the user honestly where API keys live on this machine. */
export function SecretStorageNote() {
  const { t } = useTranslation();
  const kind = useAppState((s) => s.info?.secretStorage);
  if (!kind) return null;
  const plain = kind === 'file-0600';
  return (
    <p className={plain ? 'secret-note is-warning' : 'secret-note'} data-testid="secret-storage-note" data-kind={kind}>
      <span className={plain ? 'icon-warning' : 'icon-lock'} aria-hidden="true" />
      {plain ? t('settings.keysInFile') : t('settings.keysEncrypted')}
    </p>
  );
}
