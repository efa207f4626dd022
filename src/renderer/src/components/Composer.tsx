import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MESSAGE_CHARS } from '../../../shared/contract';
import type { AppErrorData } from '../../../shared/errors';
import { useAutoGrow } from '../hooks/useAutoGrow';
import { useErrorText } from '../hooks/useErrorText';
import { useController } from '../state/context';
import { toErrorData } from '../state/errors';
import { drafts } from '../state/drafts';

/** Draft key of the blank chat shown before a conversation exists. */
const NEW_DRAFT = '';

interface Props {
  conversationId: string | null;
  /** The conversation is answering: show Stop instead of Send. */
  streaming: boolean;
}

/**
 * The message box. Uncontrolled on purpose: React never copies the text, so a 1 MB paste
 * costs the textarea alone. Enter sends (never while an IME is composing), Shift+Enter breaks
 * the line; if sending fails the text stays and the reason shows below.
 */
export function Composer({ conversationId, streaming }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const controller = useController();
  const input = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  const sending = useRef(false);
  const shownFor = useRef(conversationId);
  const [hasText, setHasText] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const grow = useAutoGrow(input, 240);

  const sync = useCallback(() => {
    const el = input.current;
    setHasText(el !== null && /\S/.test(el.value));
    grow();
  }, [grow]);

  // Each conversation (and the blank "new chat") keeps its own unsent draft. The text stays in
  // the box when the chat it was typed for just got created, when the open conversation was
  // deleted, or while a send is in progress.
  useEffect(() => {
    const el = input.current;
    const previous = shownFor.current;
    shownFor.current = conversationId;
    if (!el || previous === conversationId || sending.current) return;
    const { conversations, createdId } = controller.store.getState();
    const created = previous === null && conversationId !== null && conversationId === createdId;
    const deleted = previous !== null && !conversations.some((c) => c.id === previous);
    if (!created && !deleted) {
      drafts.set(previous ?? NEW_DRAFT, el.value);
      el.value = drafts.take(conversationId ?? NEW_DRAFT);
    }
    setError(null);
    sync();
    el.focus();
  }, [controller, conversationId, sync]);

  useEffect(() => {
    input.current?.focus();
  }, []);

  const submit = async () => {
    const el = input.current;
    if (!el || sending.current || streaming) return;
    const text = el.value;
    if (!/\S/.test(text)) return;
    if (text.length > MAX_MESSAGE_CHARS) {
      setError({ code: 'bad_request', messageKey: 'composer.tooLong', retryable: false });
      return;
    }
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      await controller.send(text);
      // Keep whatever was typed after pressing Enter.
      el.value = el.value.startsWith(text) ? el.value.slice(text.length).trimStart() : el.value;
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      sending.current = false;
      setBusy(false);
      sync();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    // Enter that confirms an IME candidate is not a send (Safari reports keyCode 229 after compositionend).
    if (e.nativeEvent.isComposing || composing.current || e.keyCode === 229) return;
    e.preventDefault();
    void submit();
  };

  return (
    <div className="composer">
      {error && (
        <p className="composer__error" role="alert">
          {errorText(error)}
        </p>
      )}
      <div className="composer__box">
        <textarea
          ref={input}
          className="composer__input"
          data-testid="composer-input"
          rows={1}
          placeholder={t('composer.placeholder')}
          aria-label={t('composer.label')}
          onInput={() => {
            sync();
            if (error) setError(null);
          }}
          onKeyDown={onKeyDown}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={() => {
            composing.current = false;
          }}
        />
        {streaming ? (
          <button
            type="button"
            className="composer__button composer__button--stop"
            data-testid="stop"
            aria-label={t('composer.stop')}
            title={t('composer.stop')}
            onClick={() => conversationId && void controller.chat.stop(conversationId)}
          >
            <span className="icon-stop" aria-hidden="true" />
          </button>
        ) : (
          <button
            type="button"
            className="composer__button"
            data-testid="send"
            aria-label={t('composer.send')}
            title={t('composer.send')}
            disabled={!hasText || busy}
            onClick={() => void submit()}
          >
            <span className="icon-send" aria-hidden="true" />
          </button>
        )}
      </div>
      <p className="composer__hint">{t('composer.hint')}</p>
    </div>
  );
}
