import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAutoGrow } from '../hooks/useAutoGrow';
import { useEnterToSend } from '../hooks/useEnterToSend';
import { useSubmitText } from '../hooks/useSubmitText';
import { useController } from '../state/context';
import { ComposerBox } from '../components/ComposerBox';
import type { ComposerAttachments } from '../hooks/useComposerAttachments';

interface Props {
  conversationId: string | null;
  streaming: boolean;
  /** The window's state has arrived: until then the box takes text, and a question waits. */
  ready: boolean;
  /** Nothing could answer: the box is closed. */
  noProviders: boolean;
  /** The files going with the question (the window is where they are dropped). */
  attachments: ComposerAttachments;
}

/**
 * The question box. Enter asks (the first question starts a quick-ask conversation, later
 * ones follow up in it), Shift+Enter breaks the line, Esc hides the window (in browser mode:
 * clears the box). Focused whenever the window is shown, with the clipboard text if offered.
 * It takes text from the first paint, before the window's state has arrived: a question
 * typed (and asked) at once is kept, and sent when the window is ready.
 */
export function QuickInput({ conversationId, streaming, ready, noProviders, attachments }: Props) {
  const { t } = useTranslation();
  const controller = useController();
  const input = useRef<HTMLTextAreaElement>(null);
  const [hasText, setHasText] = useState(false);
  const grow = useAutoGrow(input, 160);

  const sync = useCallback(() => {
    setHasText(input.current !== null && /\S/.test(input.current.value));
    grow();
  }, [grow]);
  const send = async (text: string) => {
    const files = attachments.batch();
    await controller.send(text, files.ids);
    attachments.sent(files.keys);
  };
  const { submit, busy, error, setError } = useSubmitText(() => input.current, send, streaming || !ready || noProviders, sync, attachments.extras);
  const askWhenReady = useRef(false);
  const ask = () => {
    if (ready) void submit();
    else askWhenReady.current = true;
  };
  useEffect(() => {
    if (!ready || !askWhenReady.current) return;
    askWhenReady.current = false;
    void submit();
  }, [ready, submit]);

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

  // Opened, or emptied by "New": the box is where the next question goes.
  useEffect(() => {
    if (!noProviders) input.current?.focus();
  }, [noProviders, conversationId]);

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

  const keys = useEnterToSend(ask, escape);

  return (
    <div className="quick-input">
      <ComposerBox
        input={input}
        testIds={{ input: 'quick-input', send: 'quick-send', stop: 'quick-stop' }}
        placeholder={conversationId ? t('quick.followUp') : t('quick.placeholder')}
        label={t('quick.label')}
        disabled={noProviders}
        error={error}
        clearError={() => setError(null)}
        sync={sync}
        conversationId={conversationId}
        keys={keys}
        streaming={streaming}
        canSend={(hasText || attachments.items.length > 0) && !busy && !noProviders}
        onSend={ask}
        attachments={attachments}
      />
    </div>
  );
}
