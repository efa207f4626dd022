import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/domain';
import { MessageItem } from './MessageItem';

/** Within this many pixels of the end counts as "at the bottom": new text keeps it in view. */
const STICK_PX = 48;

interface Props {
  conversationId: string;
  messages: readonly Message[];
  busy: boolean;
  /** Wraps the last assistant message in an element with this test id and its `data-status` (quick ask). */
  lastAnswerTestId?: string;
}

/**
 * The scrolling conversation. Follows new text while the reader is at the bottom and stops
 * following as soon as they scroll up (with a button to jump back).
 */
export function MessageList({ conversationId, messages, busy, lastAnswerTestId }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [away, setAway] = useState(false);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
    stick.current = atBottom;
    setAway(!atBottom);
  }, []);

  const toBottom = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    stick.current = true;
    el.scrollTop = el.scrollHeight;
    setAway(false);
  }, []);

  useLayoutEffect(() => {
    stick.current = true;
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [conversationId]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages]);

  const lastAnswer = lastAnswerTestId ? messages.findLast((m) => m.role === 'assistant') : undefined;

  return (
    <div className="message-list" ref={scroller} onScroll={onScroll} role="log" aria-live="off">
      <div className="message-list__inner">
        {messages.map((m) =>
          lastAnswerTestId === undefined ? (
            <MessageItem key={m.id} message={m} busy={busy} />
          ) : (
            // Every message gets the wrapper, so the previous answer does not remount when a new one starts.
            <div key={m.id} className="message-slot" {...(m === lastAnswer ? { 'data-testid': lastAnswerTestId, 'data-status': m.status } : {})}>
              <MessageItem message={m} busy={busy} />
            </div>
          ),
        )}
      </div>
      {away && (
        <button type="button" className="jump-latest" onClick={toBottom}>
          {t('conversation.jumpToLatest')}
        </button>
      )}
    </div>
  );
}
