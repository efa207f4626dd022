import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/domain';
import { useAppState, useController } from '../../state/context';
import { ConversationList } from './ConversationList';
import { SidebarFilter, type ConversationFilter } from './SidebarFilter';
import { UndoToast } from './UndoToast';
import { foldSidebarIfNarrow } from '../../state/layout';
import { SidebarToggle } from '../shell/SidebarToggle';
import { useSidebarCollapsed } from '../../state/layout';
import { SyncStatusLine } from '../sync/SyncStatusLine';

export function Sidebar() {
  const { t } = useTranslation();
  const controller = useController();
  const conversations = useAppState((s) => s.conversations);
  const activeId = useAppState((s) => s.activeId);
  const streamingIds = useAppState((s) => s.streamingIds);
  const [filter, setFilter] = useState<ConversationFilter>('all');
  const shown = useMemo(
    () =>
      conversations.filter((c) =>
        filter === 'archived' ? c.archived : !c.archived && (filter === 'all' || c.origin === filter),
      ),
    [conversations, filter],
  );
  // Deleted at once, with Undo in a toast for a few seconds (the core purges later): no question first.
  const remove = useCallback((c: Conversation) => void controller.remove(c.id), [controller]);
  // State, not a ref: a list drawn in the same render as the sidebar (from the first-screen copy)
  // needs the element, and the sidebar's ref is attached only after the list's effects have run.
  const [scrollElement, setScrollElement] = useState<HTMLElement | null>(null);
  const collapsed = useSidebarCollapsed();

  return (
    <aside className="sidebar" hidden={collapsed} data-testid="sidebar">
      <div className="sidebar__top">
        <div className="sidebar__brand-row">
          <span className="brand">
            <span className="brand__mark" aria-hidden="true" />
            Brook
          </span>
          <SidebarToggle placement="sidebar" />
        </div>
        <button
          type="button"
          className="button button--primary sidebar__new"
          data-testid="new-chat"
          onClick={() => {
            void controller.newConversation();
            foldSidebarIfNarrow();
          }}
        >
          <span className="icon-plus" aria-hidden="true" />
          {t('sidebar.newChat')}
        </button>
      </div>
      {conversations.length > 0 && <SidebarFilter value={filter} onChange={setFilter} />}
      <nav className="sidebar__list" aria-label={t('sidebar.conversations')} ref={setScrollElement} data-testid="conversation-list">
        {shown.length === 0 ? (
          <p className="sidebar__empty">{emptyText(filter, conversations.length > 0, t)}</p>
        ) : (
          <ConversationList
            conversations={shown}
            scrollElement={scrollElement}
            activeId={activeId}
            streamingIds={streamingIds}
            onDelete={remove}
          />
        )}
      </nav>
      <div className="sidebar__bottom">
        <SyncStatusLine />
        <button
          type="button"
          className="button button--ghost sidebar__settings"
          data-testid="open-settings"
          onClick={() => controller.openSettings()}
        >
          <span className="icon-gear" aria-hidden="true" />
          {t('settings.title')}
        </button>
      </div>
      <UndoToast />
    </aside>
  );
}

function emptyText(filter: ConversationFilter, any: boolean, t: (key: string) => string): string {
  if (filter === 'archived') return t('sidebar.emptyArchived');
  return filter === 'quick' && any ? t('sidebar.emptyQuick') : t('sidebar.empty');
}
