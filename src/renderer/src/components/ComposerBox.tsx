import type { RefObject } from 'react';
import type { EnterToSendHandlers } from '../hooks/useEnterToSend';
import type { AppErrorData } from '../../../shared/errors';
import { useErrorText } from '../hooks/useErrorText';
import { SendStopButton } from './SendStopButton';

interface Props {
  input: RefObject<HTMLTextAreaElement | null>;
  testIds: { input: string; send: string; stop: string };
  placeholder: string;
  label: string;
  disabled?: boolean;
  /** Why the last send failed; the text stays in the box. */
  error: AppErrorData | null;
  onInput(): void;
  /** Enter to send, IME-aware (useEnterToSend). */
  keys: EnterToSendHandlers;
  streaming: boolean;
  canSend: boolean;
  onSend(): void;
  onStop(): void;
}

/**
 * The message box both windows type into: the reason a send failed, the uncontrolled textarea
 * (React never copies the text, so a 1 MB paste costs the textarea alone) and Send/Stop.
 */
export function ComposerBox({ input, testIds, placeholder, label, disabled, error, onInput, keys, streaming, canSend, onSend, onStop }: Props) {
  const errorText = useErrorText();
  return (
    <>
      {error && (
        <p className="composer__error" role="alert">
          {errorText(error)}
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
          onInput={onInput}
          {...keys}
        />
        <SendStopButton
          streaming={streaming}
          canSend={canSend}
          onSend={onSend}
          onStop={onStop}
          testIds={{ send: testIds.send, stop: testIds.stop }}
        />
      </div>
    </>
  );
}
