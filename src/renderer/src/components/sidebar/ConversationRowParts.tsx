import type { Conversation } from '../../../../shared/domain';
import { useController } from '../../state/context';
import { useRowLabels } from './rowLabelsContext';

/** What a row shows before its title: answering now, pinned, a quick ask, an API chat. */
export function ConversationMarkers({ conversation, streaming }: { conversation: Conversation; streaming: boolean }) {
  const labels = useRowLabels();
  return (
    <>
      {streaming && <span className="conversation-item__live" aria-label={labels.answering} />}
      {conversation.pinned && (
        <span className="icon-pin conversation-item__pin" data-testid="pinned-marker" role="img" aria-label={labels.pinned} title={labels.pinned} />
      )}
      {conversation.origin === 'quick' && (
        <span className="icon-bolt conversation-item__quick" data-testid="quick-marker" role="img" aria-label={labels.quickAsk} title={labels.quickAsk} />
      )}
      {conversation.origin === 'api' && (
        <span className="conversation-item__api" data-testid="api-marker" title={labels.apiOrigin}>
          {labels.apiBadge}
        </span>
      )}
    </>
  );
}

interface ActionProps {
  testId: string;
  label: string;
  title: string;
  icon: string;
  onClick(): void;
  /** A switch (pin): shown as pressed when on. */
  pressed?: boolean;
}

function RowAction({ testId, label, title, icon, onClick, pressed }: ActionProps) {
  return (
    <button
      type="button"
      className={pressed ? 'icon-button is-on' : 'icon-button'}
      data-testid={testId}
      aria-pressed={pressed}
      aria-label={label}
      title={title}
      // The row is one Tab stop; its actions are reached with the arrow keys (rowKeys.ts).
      tabIndex={-1}
      onClick={onClick}
    >
      <span className={icon} aria-hidden="true" />
    </button>
  );
}

interface ActionsProps {
  conversation: Conversation;
  title: string;
  onRename(): void;
  onDelete(conversation: Conversation): void;
}

/** Rename, pin, archive and delete, shown on hover and focus. */
export function ConversationActions({ conversation, title, onRename, onDelete }: ActionsProps) {
  const labels = useRowLabels();
  const controller = useController();
  const { pinned, archived } = conversation;
  return (
    <span className="conversation-item__actions">
      <RowAction testId="conversation-rename" label={labels.rename(title)} title={labels.renameShort} icon="icon-pencil" onClick={onRename} />
      <RowAction
        testId="conversation-pin"
        pressed={pinned}
        label={pinned ? labels.unpin(title) : labels.pin(title)}
        title={pinned ? labels.unpinShort : labels.pinShort}
        icon="icon-pin"
        onClick={() => void controller.setPinned(conversation.id, !pinned)}
      />
      <RowAction
        testId="conversation-archive"
        label={archived ? labels.unarchive(title) : labels.archive(title)}
        title={archived ? labels.unarchiveShort : labels.archiveShort}
        icon={archived ? 'icon-unarchive' : 'icon-archive'}
        onClick={() => void controller.setArchived(conversation.id, !archived)}
      />
      <RowAction testId="conversation-delete" label={labels.delete(title)} title={labels.deleteShort} icon="icon-trash" onClick={() => onDelete(conversation)} />
    </span>
  );
}
