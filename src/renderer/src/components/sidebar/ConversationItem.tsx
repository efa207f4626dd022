import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_CHARS } from '../../../../shared/contract';
import type { Conversation } from '../../../../shared/domain';
import { useController } from '../../state/context';

interface Props {
  conversation: Conversation;
  active: boolean;
  streaming: boolean;
  onDelete: (conversation: Conversation) => void;
  /** Place in the virtual list: the row is positioned at `top` and measured after it renders. */
  index: number;
  top: number;
  measure: (element: Element | null) => void;
}

/** One row of the sidebar: select on click, rename inline, delete (after confirmation). */
export const ConversationItem = memo(function ConversationItem({ conversation, active, streaming, onDelete, index, top, measure }: Props) {
  const { t } = useTranslation();
  const controller = useController();
  const [editing, setEditing] = useState(false);
  /** Enter and the blur that follows must not rename twice. */
  const finished = useRef(false);
  const title = conversation.title || t('conversation.untitled');

  const startEditing = () => {
    finished.current = false;
    setEditing(true);
  };

  const finish = (value: string | null) => {
    if (finished.current) return;
    finished.current = true;
    setEditing(false);
    const next = value?.trim() ?? '';
    if (next !== '' && next !== conversation.title) void controller.rename(conversation.id, next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter') finish(e.currentTarget.value);
    else if (e.key === 'Escape') {
      e.preventDefault();
      finish(null);
    }
  };

  return (
    <li
      ref={measure}
      className={active ? 'conversation-item is-active' : 'conversation-item'}
      style={{ transform: `translateY(${top}px)` }}
      data-index={index}
      data-testid="conversation-item"
      data-id={conversation.id}
      data-active={active ? 'true' : 'false'}
      data-origin={conversation.origin}
      data-pinned={conversation.pinned ? 'true' : 'false'}
    >
      {editing ? (
        <input
          className="conversation-item__input"
          data-testid="conversation-rename-input"
          aria-label={t('sidebar.renameLabel')}
          defaultValue={conversation.title}
          maxLength={MAX_TITLE_CHARS}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={onKeyDown}
          onBlur={(e) => finish(e.currentTarget.value)}
        />
      ) : (
        <button
          type="button"
          className="conversation-item__select"
          aria-current={active ? 'page' : undefined}
          onClick={() => controller.select(conversation.id)}
          onDoubleClick={startEditing}
        >
          {streaming && <span className="conversation-item__live" aria-label={t('sidebar.answering')} />}
          {conversation.pinned && (
            <span className="icon-pin conversation-item__pin" data-testid="pinned-marker" role="img" aria-label={t('sidebar.pinned')} title={t('sidebar.pinned')} />
          )}
          {conversation.origin === 'quick' && (
            <span
              className="icon-bolt conversation-item__quick"
              data-testid="quick-marker"
              role="img"
              aria-label={t('sidebar.quickAsk')}
              title={t('sidebar.quickAsk')}
            />
          )}
          {conversation.origin === 'api' && (
            <span className="conversation-item__api" data-testid="api-marker" title={t('sidebar.apiOrigin')}>
              {t('sidebar.apiBadge')}
            </span>
          )}
          <span className="conversation-item__title" data-testid="conversation-title">
            {title}
          </span>
        </button>
      )}
      {!editing && (
        <span className="conversation-item__actions">
          <button
            type="button"
            className="icon-button"
            data-testid="conversation-rename"
            aria-label={t('sidebar.rename', { title })}
            title={t('sidebar.renameShort')}
            onClick={startEditing}
          >
            <span className="icon-pencil" aria-hidden="true" />
          </button>
          <button
            type="button"
            className={conversation.pinned ? 'icon-button is-on' : 'icon-button'}
            data-testid="conversation-pin"
            aria-pressed={conversation.pinned}
            aria-label={conversation.pinned ? t('sidebar.unpin', { title }) : t('sidebar.pin', { title })}
            title={conversation.pinned ? t('sidebar.unpinShort') : t('sidebar.pinShort')}
            onClick={() => void controller.setPinned(conversation.id, !conversation.pinned)}
          >
            <span className="icon-pin" aria-hidden="true" />
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="conversation-archive"
            aria-label={conversation.archived ? t('sidebar.unarchive', { title }) : t('sidebar.archive', { title })}
            title={conversation.archived ? t('sidebar.unarchiveShort') : t('sidebar.archiveShort')}
            onClick={() => void controller.setArchived(conversation.id, !conversation.archived)}
          >
            <span className={conversation.archived ? 'icon-unarchive' : 'icon-archive'} aria-hidden="true" />
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="conversation-delete"
            aria-label={t('sidebar.delete', { title })}
            title={t('sidebar.deleteShort')}
            onClick={() => onDelete(conversation)}
          >
            <span className="icon-trash" aria-hidden="true" />
          </button>
        </span>
      )}
    </li>
  );
});
