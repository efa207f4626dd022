import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/domain';
import { FillFromEnd } from '../../markdown/fillOrder';
import { useAppState, useController } from '../../state/context';
import { MessageItem } from './MessageItem';
import { RowTextContext } from './rowText';

/** Within this many pixels of the end counts as "at the bottom": new text keeps it in view. */
const STICK_PX = 48;
/** A guess for a message not measured yet; measuring corrects it as rows are drawn. */
const ESTIMATED_PX = 140;
/** Space above the first row (the virtualizer's paddingStart). */
const PADDING_START = 24;
/** Space below the last row (the virtualizer's paddingEnd). */
const PADDING_END = 8;
/**
 * Drawing one of the first this-many rows asks for the page above them: far enough from the top
 * that the page usually arrives before the reader gets there.
 */
const NEAR_START_ROWS = 15;
/** What the reader does that ends the highlight of a message opened from search. */
const UNFOCUS_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

interface Props {
  conversationId: string;
  messages: readonly Message[];
  busy: boolean;
  /** Wraps the last assistant message in an element with this test id and its `data-status` (quick ask). */
  lastAnswerTestId?: string;
  /** Scroll to this message and highlight it (a search hit); `seq` repeats the jump for the same message. */
  focus?: { messageId: string; seq: number } | null;
}

/**
 * The scrolling conversation, virtualized: only the rows near the viewport exist in the DOM,
 * so a conversation of ten thousand messages opens as fast as one of ten. Follows new text
 * while the reader is at the bottom and stops following as soon as they scroll up (with a
 * button to jump back).
 */
export function MessageList({ conversationId, messages, busy, lastAnswerTestId, focus }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rowText = useMemo(() => ({ t, language }), [t, language]);
  const { scroller, stick, away, onScroll, toBottom, followGrowth } = useFollowEnd(conversationId);
  const [focused, setFocused] = useState<string | null>(null);

  // TanStack Virtual keeps mutable state the React Compiler cannot memoize; this component opts out.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_PX,
    getItemKey: (index) => messages[index]!.id,
    overscan: 4,
    paddingStart: PADDING_START,
    paddingEnd: PADDING_END,
    // A conversation opens at its end, so the first rows drawn are the newest ones. From the
    // top, the virtualizer drew the oldest rows first (which also asked for the page above
    // them) and reached the end one scroll event, one frame, at a time. Past the end is fine:
    // the range is clamped to the last screenful, and the first scroll event brings the real offset.
    initialOffset: () => messages.length * ESTIMATED_PX + PADDING_START + PADDING_END,
    // The virtualizer writes the rows' `top` and the content's height itself and re-renders the
    // list only when the rows in view change: a streaming answer growing its row every frame
    // re-rendered the whole list once more per frame (issue #12.4).
    directDomUpdates: true,
    directDomUpdatesMode: 'position',
    onChange: followGrowth,
    // When a page of older messages is prepended, the row at the top of the view stays where it
    // was: the virtualizer moves its offset while it renders, so the new rows are never drawn at
    // the old offset, and rows measured afterwards are corrected against the new one. Moving
    // scrollTop ourselves after the commit left the virtualizer's offset behind until the next
    // scroll event; rows measured meanwhile went uncorrected and the view landed off by their
    // sizes. (Its other half, holding a view at the very end as the last row grows, is what
    // followGrowth does anyway.)
    anchorTo: 'end',
  });

  // While following, a new message is brought into view before paint; growth is followed by
  // followGrowth, after the virtualizer resized the content.
  const count = messages.length;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [count, scroller, stick]);

  useOlderPages(conversationId, virtualizer);
  // A long answer met from below (scrolling up, or opened at the end) is drawn from its end.
  const fillFromEnd = useCallback(() => stick.current || virtualizer.scrollDirection === 'backward', [stick, virtualizer]);

  const focusIndex = focus ? messages.findIndex((m) => m.id === focus.messageId) : -1;
  useEffect(() => {
    if (!focus || focusIndex < 0) return;
    stick.current = false;
    setFocused(focus.messageId);
    virtualizer.scrollToIndex(focusIndex, { align: 'center' });
    // Rows between here and there are measured as they are drawn, which moves the target:
    // aim again once they have settled.
    const again = window.setTimeout(() => virtualizer.scrollToIndex(focusIndex, { align: 'center' }), 120);
    // The hit stays marked until the reader moves on, not for a fixed time: on a busy machine
    // a timer could end it before the jump had even been painted.
    const unfocus = () => setFocused(null);
    for (const name of UNFOCUS_EVENTS) window.addEventListener(name, unfocus, { once: true, passive: true });
    return () => {
      window.clearTimeout(again);
      for (const name of UNFOCUS_EVENTS) window.removeEventListener(name, unfocus);
    };
    // The jump happens once per request (seq), not on every streamed delta.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus?.seq, focus?.messageId, focusIndex >= 0]);

  const lastAnswer = lastAnswerTestId ? messages.findLast((m) => m.role === 'assistant') : undefined;

  return (
    <div className="message-list" ref={scroller} onScroll={onScroll} role="log" aria-live="off" data-count={messages.length}>
      <div ref={virtualizer.containerRef} className="message-list__inner message-list__inner--virtual">
        <RowTextContext.Provider value={rowText}>
          <FillFromEnd.Provider value={fillFromEnd}>
            {virtualizer.getVirtualItems().map((row) => {
              const m = messages[row.index]!;
              const testProps =
                lastAnswerTestId !== undefined && m === lastAnswer ? { 'data-testid': lastAnswerTestId, 'data-status': m.status } : {};
              return (
                <div
                  key={row.key}
                  ref={virtualizer.measureElement}
                  data-index={row.index}
                  className={m.id === focused ? 'message-row message-row--focus' : 'message-row'}
                  {...testProps}
                >
                  <MessageItem message={m} busy={busy} />
                </div>
              );
            })}
          </FillFromEnd.Provider>
        </RowTextContext.Provider>
      </div>
      {away && (
        <button type="button" className="jump-latest" onClick={toBottom}>
          {t('conversation.jumpToLatest')}
        </button>
      )}
    </div>
  );
}

/**
 * A long conversation opens with its newest page. Drawing one of its first rows asks for the
 * page above; when that arrives the rows in view stay where they were (the virtualizer's
 * `anchorTo: 'end'`), unless following the end.
 */
function useOlderPages(conversationId: string, virtualizer: Virtualizer<HTMLDivElement, Element>) {
  const controller = useController();
  const hasOlder = useAppState((s) => s.messages?.conversationId === conversationId && s.messages.hasOlder === true);
  const firstIndex = virtualizer.getVirtualItems()[0]?.index ?? -1;
  const count = virtualizer.options.count;
  useEffect(() => {
    if (hasOlder && firstIndex >= 0 && firstIndex < NEAR_START_ROWS) void controller.chat.loadOlder(conversationId);
  }, [hasOlder, firstIndex, count, controller, conversationId]);
}

/**
 * Following the end: true while the reader is at the bottom (new text keeps it in view), false
 * once they scroll up, with `toBottom` to jump back. Opening a conversation starts at its end.
 */
function useFollowEnd(conversationId: string) {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [away, setAway] = useState(false);

  const lastTop = useRef(0);
  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const top = el.scrollTop;
    const movedUp = top < lastTop.current - 1;
    lastTop.current = top;
    // Only the reader moves the view up. Text arriving between a frame's follow and the next
    // can leave the end further than STICK_PX below without anyone having scrolled.
    if (el.scrollHeight - top - el.clientHeight < STICK_PX) stick.current = true;
    else if (movedUp) stick.current = false;
    setAway(!stick.current);
  }, []);

  const toBottom = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    stick.current = true;
    el.scrollTop = el.scrollHeight;
    setAway(false);
  }, []);

  /**
   * Keeps the end in view as the content grows (streamed text, rows measured taller). Every
   * change of the content's height comes from the virtualizer measuring a row (it writes the
   * height, then calls this, inside its resize observer, after the browser's layout) or from a
   * new row (the layout effect on the count): the scroll write shows in the same frame, and the
   * browser lays out only the height just written. Writing after every React update instead
   * made the browser lay out the growing answer once more per write (issue #12.4).
   */
  const followGrowth = useCallback(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, []);

  useLayoutEffect(() => {
    stick.current = true;
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [conversationId]);
  return { scroller, stick, away, onScroll, toBottom, followGrowth };
}
