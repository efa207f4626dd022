import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAutoGrow } from '../hooks/useAutoGrow';
import { useEnterToSend } from '../hooks/useEnterToSend';
import { useSubmitText } from '../hooks/useSubmitText';
import { useAppState, useController } from '../state/context';
import type { ComposerAttachments } from '../hooks/useComposerAttachments';
import { ComposerBox } from './ComposerBox';
import { WebSearchToggle } from './WebSearchToggle';
import { ToolsToggle } from './ToolsToggle';
import { drafts } from '../state/drafts';
import { registerComposerInsert } from '../state/composerInsert';

const SETUP_ERRORS: ReadonlySet<string> = new Set(['errors.noProvider', 'errors.noModel']);

/** Draft key of the blank chat shown before a conversation exists. */
const NEW_DRAFT = '';

interface Props {
  conversationId: string | null;
  /** The conversation is answering: show Stop instead of Send. */
  streaming: boolean;
  /** The files of this draft (owned by the pane, which files are also dropped on). */
  attachments: ComposerAttachments;
}

/**
 * The main window's message box (ComposerBox, shared with quick ask) with the web-search
 * switch and each conversation's draft. Enter sends (never while an IME is composing), Shift+Enter breaks
 * the line; if sending fails the text stays and the reason shows below.
 */
export function Composer({ conversationId, streaming, attachments }: Props) {
  const { t } = useTranslation();
  const controller = useController();
  const input = useRef<HTMLTextAreaElement>(null);
  const shownFor = useRef(conversationId);
  const [hasText, setHasText] = useState(false);
  const grow = useAutoGrow(input, 240);

  const sync = useCallback(() => {
    const el = input.current;
    setHasText(el !== null && /\S/.test(el.value));
    grow();
  }, [grow]);
  const send = async (text: string, withoutImages: boolean) => {
    const files = attachments.batch();
    await controller.send(text, files.ids, withoutImages);
    attachments.sent(files.keys);
  };
  const { submit, sending, busy, error, setError } = useSubmitText(() => input.current, send, streaming, sync, attachments.extras);

  // Each conversation (and the blank "new chat") keeps its own unsent draft. The text stays in
  // the box when the chat it was typed for just got created, when the open conversation was
  // deleted, or while a send is in progress.
  // "No provider is set up" / "No model is chosen" is stale once the providers change.
  const providersSeen = useAppState((s) => s.providers);
  useEffect(() => {
    if (error && SETUP_ERRORS.has(error.messageKey)) setError(null);
    // Only a change of the providers clears it, not the error's own arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [providersSeen]);

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
    // A draft getting its id is the same chat: what the user moved to in it meanwhile (the model
    // picker, a switch) keeps the focus. Anything else is a chat just opened: type into it.
    const focused = document.activeElement;
    if (created && focused !== el && el.closest('main')?.contains(focused)) return;
    el.focus();
  }, [controller, conversationId, sync, sending, setError]);

  // Mounted late (its view's chunk, a closed page), it must not take focus from what the user
  // has already moved to, such as an open model picker's search.
  useEffect(() => {
    const focused = document.activeElement;
    if (focused === null || focused === document.body) input.current?.focus();
  }, []);

  // "Quote" from a message: the quote goes before what is typed, the caret after it.
  useEffect(
    () =>
      registerComposerInsert((quote) => {
        const el = input.current;
        if (!el) return;
        el.value = quote + el.value;
        el.focus();
        el.setSelectionRange(quote.length, quote.length);
        sync();
      }),
    [sync],
  );

  // Esc stops a streaming answer (what is typed stays).
  const keys = useEnterToSend(
    () => void submit(),
    streaming && conversationId ? () => void controller.chat.stop(conversationId) : undefined,
  );

  return (
    <div className="composer">
      <ComposerBox
        input={input}
        testIds={{ input: 'composer-input', send: 'send', stop: 'stop' }}
        placeholder={t('composer.placeholder')}
        label={t('composer.label')}
        error={error}
        clearError={() => setError(null)}
        sync={sync}
        conversationId={conversationId}
        keys={keys}
        streaming={streaming}
        canSend={(hasText || attachments.items.length > 0) && !busy}
        onSend={() => void submit()}
        onSendWithoutImages={() => void submit(true)}
        attachments={attachments}
      />
      <div className="composer__footer">
        <WebSearchToggle conversationId={conversationId} />
        <ToolsToggle key={conversationId ?? 'new-chat'} conversationId={conversationId} />
        <p className="composer__hint">{t('composer.hint')}</p>
      </div>
    </div>
  );
}
