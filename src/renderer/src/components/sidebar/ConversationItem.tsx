import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_TITLE_CHARS } from '../../../../shared/contract/limits';
import type { Conversation } from '../../../../shared/domain';
import { useController } from '../../state/context';
import { foldSidebarIfNarrow } from '../../state/layout';
import { onRowKey } from './rowKeys';
import { ConversationActions, ConversationMarkers } from './ConversationRowParts';
import { useRowLabels } from './rowLabelsContext';

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
  const labels = useRowLabels();
  const controller = useController();
  const [editing, setEditing] = useState(false);
  /** Enter and the blur that follows must not rename twice. */
  const finished = useRef(false);
  const title = conversation.title || labels.untitled;

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
      onKeyDown={(e) => {
        if (!editing) onRowKey(e, { rename: startEditing, remove: () => onDelete(conversation) });
      }}
    >
      {editing ? (
        <input
          className="conversation-item__input"
          data-testid="conversation-rename-input"
          aria-label={labels.renameLabel}
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
          aria-keyshortcuts="ArrowRight F2 Delete"
          data-testid="conversation-select"
          onClick={() => {
            controller.select(conversation.id);
            foldSidebarIfNarrow();
          }}
          onDoubleClick={startEditing}
        >
          <ConversationMarkers conversation={conversation} streaming={streaming} />
          <span className="conversation-item__title" data-testid="conversation-title">
            {title}
          </span>
        </button>
      )}
      {!editing && <ConversationActions conversation={conversation} title={title} onRename={startEditing} onDelete={onDelete} />}
    </li>
  );
});
