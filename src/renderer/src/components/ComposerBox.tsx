import type { ClipboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterToSendHandlers } from '../hooks/useEnterToSend';
import type { AppErrorData } from '../../../shared/errors';
import type { ComposerAttachments } from '../hooks/useComposerAttachments';
import { filesFromTransfer } from '../state/attachments/transferFiles';
import { AttachButton } from './attachments/AttachButton';
import { AttachmentNotes } from './attachments/AttachmentNotes';
import { PendingAttachmentList } from './attachments/PendingAttachmentList';
import { useErrorText } from '../hooks/useErrorText';
import { useController } from '../state/context';
import { SendStopButton } from './SendStopButton';
import { OpenSettingsLink } from './settings/OpenSettingsLink';

interface Props {
  input: RefObject<HTMLTextAreaElement | null>;
  testIds: { input: string; send: string; stop: string };
  placeholder: string;
  label: string;
  disabled?: boolean;
  /** Why the last send failed; the text stays in the box (typing clears the reason). */
  error: AppErrorData | null;
  clearError(): void;
  /** After each change of the text (grow the box, enable Send). */
  sync(): void;
  /** The conversation Stop stops. */
  conversationId: string | null;
  /** Enter to send, IME-aware (useEnterToSend). */
  keys: EnterToSendHandlers;
  streaming: boolean;
  canSend: boolean;
  onSend(): void;
  /** Offered when the model cannot see images: send the same message with the images left out. */
  onSendWithoutImages?(): void;
  /** The files going with the message: chips, the paperclip, pasted files. */
  attachments: ComposerAttachments;
}

/**
 * The message box both windows type into: the reason a send failed, the files going with the
 * message, the paperclip, the uncontrolled textarea (React never copies the text, so a 1 MB
 * paste costs the textarea alone) and Send/Stop. Pasting files (a screenshot) attaches them.
 */
export function ComposerBox(props: Props) {
  const { input, testIds, placeholder, label, disabled, error, clearError, sync, conversationId, keys, streaming, canSend, onSend, onSendWithoutImages, attachments } = props;
  const { t } = useTranslation();
  const errorText = useErrorText();
  const controller = useController();
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = filesFromTransfer(e.clipboardData);
    if (files.length === 0) return;
    // A copied image often comes with its HTML or file path as text too: the file is what was meant.
    e.preventDefault();
    attachments.add(files);
  };
  return (
    <>
      <AttachmentNotes notes={attachments.notes} onDismiss={attachments.dismissNotes} />
      {error && (
        <p className="composer__error" role="alert">
          {errorText(error)}{' '}
          {onSendWithoutImages && error.messageKey === 'attachmentErrors.noVision' && (
            <button type="button" className="link-button" data-testid={`${testIds.send}-without-images`} disabled={!canSend} onClick={onSendWithoutImages}>
              {t('composer.sendWithoutImages')}
            </button>
          )}{' '}
          <OpenSettingsLink error={error} className="link-button" />
        </p>
      )}
      <div className="composer__box">
        <PendingAttachmentList items={attachments.items} onRemove={attachments.remove} focusAfterLast={() => input.current?.focus()} />
        <AttachButton onFiles={attachments.add} disabled={disabled} testId={`${testIds.input}-attach`} />
        <textarea
          ref={input}
          className="composer__input"
          data-testid={testIds.input}
          rows={1}
          placeholder={placeholder}
          aria-label={label}
          disabled={disabled}
          onInput={() => {
            sync();
            if (error) clearError();
          }}
          onPaste={onPaste}
          {...keys}
        />
        <SendStopButton
          streaming={streaming}
          canSend={canSend}
          onSend={onSend}
          onStop={() => conversationId && void controller.chat.stop(conversationId)}
          testIds={{ send: testIds.send, stop: testIds.stop }}
        />
      </div>
    </>
  );
}
