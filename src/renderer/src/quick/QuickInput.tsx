import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAutoGrow } from '../hooks/useAutoGrow';
import { useEnterToSend } from '../hooks/useEnterToSend';
import { useErrorText } from '../hooks/useErrorText';
import { useSubmitText } from '../hooks/useSubmitText';
import { useController } from '../state/context';
import { SendStopButton } from '../components/SendStopButton';

interface Props {
  conversationId: string | null;
  streaming: boolean;
  disabled: boolean;
}

/**
 * The question box. Enter asks (the first question starts a quick-ask conversation, later
 * ones follow up in it), Shift+Enter breaks the line, Esc hides the window (in browser mode:
 * clears the box). Focused whenever the window is shown, with the clipboard text if offered.
 */
export function QuickInput({ conversationId, streaming, disabled }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const controller = useController();
  const input = useRef<HTMLTextAreaElement>(null);
  const [hasText, setHasText] = useState(false);
  const grow = useAutoGrow(input, 160);

  const sync = useCallback(() => {
    setHasText(input.current !== null && /\S/.test(input.current.value));
    grow();
  }, [grow]);
  const { submit, busy, error, setError } = useSubmitText(() => input.current, (text) => controller.send(text), streaming || disabled, sync);

  useEffect(
    () =>
      controller.desktop.onQuickAskShown((prefill) => {
        const el = input.current;
        if (!el) return;
        el.focus();
        if (prefill !== null && el.value === '') {
          el.value = prefill;
          el.select();
          sync();
        }
      }),
    [controller, sync],
  );

  // Ready, or emptied by "New": the box is where the next question goes.
  useEffect(() => {
    if (!disabled) input.current?.focus();
  }, [disabled, conversationId]);

  const escape = () => {
    if (controller.desktop.isDesktop()) {
      void controller.desktop.hideQuickAsk();
      return;
    }
    const el = input.current;
    if (!el) return;
    el.value = '';
    sync();
    el.blur();
  };

  const keys = useEnterToSend(() => void submit(), escape);

  return (
    <div className="quick-input">
      {error && (
        <p className="composer__error" role="alert">
          {errorText(error)}
        </p>
      )}
      <div className="composer__box">
        <textarea
          ref={input}
          className="composer__input"
          data-testid="quick-input"
          rows={1}
          placeholder={conversationId ? t('quick.followUp') : t('quick.placeholder')}
          aria-label={t('quick.label')}
          disabled={disabled}
          onInput={() => {
            sync();
            if (error) setError(null);
          }}
          {...keys}
        />
        <SendStopButton
          streaming={streaming}
          canSend={hasText && !busy && !disabled}
          onSend={() => void submit()}
          onStop={() => conversationId && void controller.chat.stop(conversationId)}
          testIds={{ send: 'quick-send', stop: 'quick-stop' }}
        />
      </div>
    </div>
  );
}
