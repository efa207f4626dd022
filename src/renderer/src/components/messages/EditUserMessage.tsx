import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MESSAGE_CHARS } from '../../../../shared/contract';
import { useAutoGrow } from '../../hooks/useAutoGrow';
import { useErrorText } from '../../hooks/useErrorText';
import { toErrorData } from '../../state/errors';
import type { AppErrorData } from '../../../../shared/errors';

interface Props {
  initial: string;
  /** Rejects with the reason; the editor then stays open with the text. */
  onSubmit: (text: string) => Promise<void>;
  onCancel: () => void;
}

/** Edits a question in place; sending makes the new text a branch next to the old one. */
export function EditUserMessage({ initial, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const errorText = useErrorText();
  const ref = useRef<HTMLTextAreaElement>(null);
  const grow = useAutoGrow(ref, 320);
  useEffect(grow, [text, grow]);
  const trimmed = text.trim();

  const submit = async () => {
    if (trimmed === '' || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text);
    } catch (err) {
      setError(toErrorData(err));
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <div className="edit-message" data-testid="edit-message">
      <textarea
        ref={ref}
        className="edit-message__input"
        data-testid="edit-message-input"
        aria-label={t('message.editLabel')}
        value={text}
        maxLength={MAX_MESSAGE_CHARS}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {error && <p className="edit-message__error">{errorText(error)}</p>}
      <div className="edit-message__actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="edit-message-send"
          disabled={trimmed === '' || busy}
          onClick={() => void submit()}
        >
          {t('message.editSend')}
        </button>
      </div>
    </div>
  );
}
