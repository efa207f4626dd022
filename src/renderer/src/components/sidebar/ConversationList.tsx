import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/domain';
import { monthLabel, type DateGroup } from '../../state/dates';
import { sidebarRows } from '../../state/sidebarRows';
import { ConversationItem } from './ConversationItem';
import { buildRowLabels } from './rowLabels';
import { RowLabelsContext } from './rowLabelsContext';

/** Rows are one line high; measuring corrects the estimate when a font or zoom differs. */
const ROW_ESTIMATE_PX = 35;

interface Props {
  conversations: readonly Conversation[];
  scrollElement: HTMLElement | null;
  activeId: string | null;
  streamingIds: ReadonlySet<string>;
  onDelete: (conversation: Conversation) => void;
}

/**
 * The sidebar list under date headings (Pinned, Today, Yesterday, Previous 7 days, one per month),
 * virtualized: only the rows in view (plus a few) exist in the page, so ten thousand
 * conversations scroll as smoothly as ten.
 */
export function ConversationList({ conversations, scrollElement, activeId, streamingIds, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  // The groups move on at midnight only when the list changes; a chat's own activity re-renders it.
  const rows = useMemo(() => sidebarRows(conversations), [conversations]);
  const labels = useMemo(() => buildRowLabels(t), [t]);
  // The virtualizer re-renders this component itself on scroll; nothing here is memoized by hand.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => ROW_ESTIMATE_PX,
    getItemKey: (index) => rows[index]!.key,
    overscan: 12,
  });
  const groupLabel = (group: DateGroup) =>
    group.kind === 'month' ? monthLabel(i18n.language, group) : t(`shell.group.${group.kind}`);
  return (
    <RowLabelsContext.Provider value={labels}>
    <ul className="conversation-list" style={{ height: virtualizer.getTotalSize() }} data-count={conversations.length}>
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index]!;
        if (row.kind === 'group') {
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              className="conversation-group"
              role="presentation"
              data-index={item.index}
              data-testid="conversation-group"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {groupLabel(row.group)}
            </li>
          );
        }
        const c = row.conversation;
        return (
          <ConversationItem
            key={item.key}
            conversation={c}
            active={c.id === activeId}
            streaming={streamingIds.has(c.id)}
            onDelete={onDelete}
            index={item.index}
            top={item.start}
            measure={virtualizer.measureElement}
          />
        );
      })}
    </ul>
    </RowLabelsContext.Provider>
  );
}
