import { useTranslation } from 'react-i18next';

interface Props {
  /** While the answer streams the button stops it; otherwise it sends. */
  streaming: boolean;
  canSend: boolean;
  onSend(): void;
  onStop(): void;
  testIds: { send: string; stop: string };
}

/** The composer's one round button, shared by the main window and the quick-ask window. */
export function SendStopButton({ streaming, canSend, onSend, onStop, testIds }: Props) {
  const { t } = useTranslation();
  return streaming ? (
    <button
      type="button"
      className="composer__button composer__button--stop"
      data-testid={testIds.stop}
      aria-label={t('composer.stop')}
      title={t('composer.stop')}
      onClick={onStop}
    >
      <span className="icon-stop" aria-hidden="true" />
    </button>
  ) : (
    <button
      type="button"
      className="composer__button"
      data-testid={testIds.send}
      aria-label={t('composer.send')}
      title={t('composer.send')}
      disabled={!canSend}
      onClick={onSend}
    >
      <span className="icon-send" aria-hidden="true" />
    </button>
  );
}
