import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/domain';
import { useAppState, useController } from '../../state/context';
import { ConfirmDialog } from '../ConfirmDialog';
import { ConversationList } from './ConversationList';
import { SidebarFilter, type ConversationFilter } from './SidebarFilter';
import { UndoToast } from './UndoToast';
import { SyncStatusLine } from '../sync/SyncStatusLine';

export function Sidebar() {
  const { t } = useTranslation();
  const controller = useController();
  const conversations = useAppState((s) => s.conversations);
  const activeId = useAppState((s) => s.activeId);
  const streamingIds = useAppState((s) => s.streamingIds);
  const [deleting, setDeleting] = useState<Conversation | null>(null);
  const [filter, setFilter] = useState<ConversationFilter>('all');
  const shown = useMemo(
    () =>
      conversations.filter((c) =>
        filter === 'archived' ? c.archived : !c.archived && (filter === 'all' || c.origin === filter),
      ),
    [conversations, filter],
  );
  const askDelete = useCallback((c: Conversation) => setDeleting(c), []);
  const scrollRef = useRef<HTMLElement>(null);

  return (
    <aside className="sidebar">
      <div className="sidebar__top">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          Brook
        </span>
        <button
          type="button"
          className="button button--primary sidebar__new"
          data-testid="new-chat"
          onClick={() => void controller.newConversation()}
        >
          <span className="icon-plus" aria-hidden="true" />
          {t('sidebar.newChat')}
        </button>
      </div>
      {conversations.length > 0 && <SidebarFilter value={filter} onChange={setFilter} />}
      <nav className="sidebar__list" aria-label={t('sidebar.conversations')} ref={scrollRef} data-testid="conversation-list">
        {shown.length === 0 ? (
          <p className="sidebar__empty">{emptyText(filter, conversations.length > 0, t)}</p>
        ) : (
          <ConversationList
            conversations={shown}
            scrollRef={scrollRef}
            activeId={activeId}
            streamingIds={streamingIds}
            onDelete={askDelete}
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
      {deleting && (
        <ConfirmDialog
          title={t('sidebar.deleteTitle')}
          message={t('sidebar.deleteMessage', { title: deleting.title || t('conversation.untitled') })}
          confirmLabel={t('common.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            setDeleting(null);
            void controller.remove(deleting.id);
          }}
        />
      )}
    </aside>
  );
}

function emptyText(filter: ConversationFilter, any: boolean, t: (key: string) => string): string {
  if (filter === 'archived') return t('sidebar.emptyArchived');
  return filter === 'quick' && any ? t('sidebar.emptyQuick') : t('sidebar.empty');
}
