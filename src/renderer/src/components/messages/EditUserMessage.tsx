import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MESSAGE_CHARS } from '../../../../shared/contract';
import { useAutoGrow } from '../../hooks/useAutoGrow';
import { useErrorText } from '../../hooks/useErrorText';
import { toErrorData } from '../../state/errors';
import type { AppErrorData } from '../../../../shared/errors';
import type { Attachment } from '../../../../shared/attachments';
import { EditAttachments } from '../attachments/EditAttachments';

interface Props {
  initial: string;
  /** The message's files: they stay with the edited question unless removed here. */
  attachments: readonly Attachment[];
  /** Rejects with the reason; the editor then stays open with the text. */
  onSubmit: (text: string, attachmentIds: string[]) => Promise<void>;
  onCancel: () => void;
}

/** Edits a question in place; sending makes the new text a branch next to the old one. */
export function EditUserMessage({ initial, attachments, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [kept, setKept] = useState(attachments);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const errorText = useErrorText();
  const ref = useRef<HTMLTextAreaElement>(null);
  const grow = useAutoGrow(ref, 320);
  useEffect(grow, [text, grow]);
  const empty = text.trim() === '' && kept.length === 0;

  const submit = async () => {
    if (empty || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text, kept.map((a) => a.id));
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
      <EditAttachments attachments={kept} onRemove={(id) => setKept((list) => list.filter((a) => a.id !== id))} focusAfterLast={() => ref.current?.focus()} />
      {error && <p className="edit-message__error">{errorText(error)}</p>}
      <div className="edit-message__actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="edit-message-send"
          disabled={empty || busy}
          onClick={() => void submit()}
        >
          {t('message.editSend')}
        </button>
      </div>
    </div>
  );
}
