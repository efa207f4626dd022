import { useRef, useState, type RefObject } from 'react';
import { messageFits } from '../../../shared/contract/limits';
import type { AppErrorData } from '../../../shared/errors';
import { toErrorData } from '../state/errors';

/** What a message box sends besides its text (attachments). */
export interface SubmitExtras {
  /** Something besides text is there to send, so an empty text box may still send. */
  hasContent(): boolean;
  /** Why sending must wait (files still uploading, or failed); null when it may go. */
  blocker(): AppErrorData | null;
}

export interface SubmitText {
  /** `withoutImages`: the user chose to send to a model that cannot see images (chat.send). */
  submit: (withoutImages?: boolean) => Promise<void>;
  /** True from the press until the send settles (a ref, for effects that must not disturb it). */
  sending: RefObject<boolean>;
  busy: boolean;
  error: AppErrorData | null;
  setError: (error: AppErrorData | null) => void;
}

/**
 * Sends what a message box holds, once at a time. If sending fails the text stays and the
 * reason is returned; if it works, whatever was typed meanwhile stays in the box.
 */
export function useSubmitText(
  /** The box, read at the moment of sending. */
  box: () => HTMLTextAreaElement | null,
  send: (text: string, withoutImages: boolean) => Promise<void>,
  blocked: boolean,
  after: () => void,
  extras?: SubmitExtras,
): SubmitText {
  const sending = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const submit = async (withoutImages = false) => {
    const el = box();
    if (!el || sending.current || blocked) return;
    const text = el.value;
    if (!/\S/.test(text) && extras?.hasContent() !== true) return;
    const waiting = extras?.blocker() ?? null;
    if (waiting) {
      setError(waiting);
      return;
    }
    // Measured as it will be sent (JSON escapes some characters to 6 bytes), like the server measures it.
    if (!messageFits(text)) {
      setError({ code: 'bad_request', messageKey: 'composer.tooLong', retryable: false });
      return;
    }
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      await send(text, withoutImages);
      el.value = el.value.startsWith(text) ? el.value.slice(text.length).trimStart() : el.value;
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      sending.current = false;
      setBusy(false);
      after();
    }
  };

  return { submit, sending, busy, error, setError };
}
