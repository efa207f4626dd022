import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';
import type { Conversation } from '../../../../shared/domain';
import { ConversationItem } from './ConversationItem';

/** Rows are one line high; measuring corrects the estimate when a font or zoom differs. */
const ROW_ESTIMATE_PX = 35;

interface Props {
  conversations: readonly Conversation[];
  scrollRef: RefObject<HTMLElement | null>;
  activeId: string | null;
  streamingIds: ReadonlySet<string>;
  onDelete: (conversation: Conversation) => void;
}

/**
 * The sidebar list, virtualized: only the rows in view (plus a few) exist in the page, so
 * ten thousand conversations scroll as smoothly as ten.
 */
export function ConversationList({ conversations, scrollRef, activeId, streamingIds, onDelete }: Props) {
  // The virtualizer re-renders this component itself on scroll; nothing here is memoized by hand.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    getItemKey: (index) => conversations[index]!.id,
    overscan: 12,
  });
  return (
    <ul className="conversation-list" style={{ height: virtualizer.getTotalSize() }} data-count={conversations.length}>
      {virtualizer.getVirtualItems().map((row) => {
        const c = conversations[row.index]!;
        return (
          <ConversationItem
            key={row.key}
            conversation={c}
            active={c.id === activeId}
            streaming={streamingIds.has(c.id)}
            onDelete={onDelete}
            index={row.index}
            top={row.start}
            measure={virtualizer.measureElement}
          />
        );
      })}
    </ul>
  );
}
