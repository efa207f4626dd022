import type { RefObject } from 'react';
import type { EnterToSendHandlers } from '../hooks/useEnterToSend';
import type { AppErrorData } from '../../../shared/errors';
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
}

/**
 * The message box both windows type into: the reason a send failed, the uncontrolled textarea
 * (React never copies the text, so a 1 MB paste costs the textarea alone) and Send/Stop.
 */
export function ComposerBox({ input, testIds, placeholder, label, disabled, error, clearError, sync, conversationId, keys, streaming, canSend, onSend }: Props) {
  const errorText = useErrorText();
  const controller = useController();
  return (
    <>
      {error && (
        <p className="composer__error" role="alert">
          {errorText(error)} <OpenSettingsLink error={error} className="link-button" />
        </p>
      )}
      <div className="composer__box">
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
