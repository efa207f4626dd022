import { memo, useCallback, useEffect, useState } from 'react';
import type { Attachment } from '../../../../shared/attachments';
import type { Message } from '../../../../shared/domain';
import { useController } from '../../state/context';
import { onEditRequest } from '../../state/messageCommands';
import { MessageAttachments } from '../attachments/MessageAttachments';
import { AssistantBody } from './AssistantBody';
import { BranchSwitcher } from './BranchSwitcher';
import { DeleteMessageDialog } from './DeleteMessageDialog';
import { EditUserMessage } from './EditUserMessage';
import { MessageActions } from './MessageActions';
import { MessageMeta } from './MessageMeta';
import { useRowText } from './rowText';
import { UserText } from './UserText';

const NO_ATTACHMENTS: readonly Attachment[] = [];

interface Props {
  message: Message;
  /** The conversation has a live answer (retry waits for it). */
  busy: boolean;
}

/**
 * One message. Memoized on the message object: the reducer replaces only the message that
 * changed, so a streaming answer never re-renders the rest of the conversation.
 */
export const MessageItem = memo(function MessageItem({ message, busy }: Props) {
  const { t } = useRowText();
  const controller = useController();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const retry = useCallback(
    () => void controller.chat.retry(message.conversationId, message.id),
    [controller, message.conversationId, message.id],
  );
  const continueAnswer = useCallback(
    () => void controller.chat.continueAnswer(message.conversationId, message.id),
    [controller, message.conversationId, message.id],
  );
  const switchTo = useCallback(
    (id: string) => void controller.chat.switchBranch(message.conversationId, id),
    [controller, message.conversationId],
  );
  const submitEdit = useCallback(
    async (text: string, attachmentIds: string[]) => {
      await controller.chat.edit(message.conversationId, message.id, text, attachmentIds);
      setEditing(false);
    },
    [controller, message.conversationId, message.id],
  );
  const isUser = message.role === 'user';
  // Ctrl/Cmd+↑ asks the last question to open for editing (not while an answer streams).
  useEffect(() => (isUser ? onEditRequest((id) => id === message.id && !busy && setEditing(true)) : undefined), [isUser, message.id, busy]);
  const streaming = message.status === 'streaming';
  const branch = message.branch && message.branch.count > 1 ? message.branch : null;
  return (
    <article
      className={`message message--${message.role}`}
      data-testid="message"
      data-role={message.role}
      data-status={message.status}
      data-id={message.id}
      aria-label={isUser ? t('message.you') : t('message.assistant')}
      aria-busy={streaming}
    >
      {isUser && editing ? (
        <EditUserMessage initial={message.content} attachments={message.attachments ?? NO_ATTACHMENTS} onSubmit={submitEdit} onCancel={() => setEditing(false)} />
      ) : isUser ? (
        <>
          {message.attachments && <MessageAttachments attachments={message.attachments} />}
          {message.content !== '' && (
            <div className="bubble bubble--user">
              <UserText content={message.content} />
            </div>
          )}
        </>
      ) : (
        <AssistantBody message={message} busy={busy} onRetry={retry} onContinue={continueAnswer} />
      )}
      <div className="message-footer">
        {branch && <BranchSwitcher branch={branch} disabled={busy} onSwitch={switchTo} />}
        {!editing && !streaming && (
          <MessageActions message={message} busy={busy} onEdit={() => setEditing(true)} onRegenerate={retry} onDelete={() => setDeleting(true)} />
        )}
        <MessageMeta
          role={message.role} createdAt={message.createdAt} model={message.model} usage={message.usage}
          context={message.context}
        />
      </div>
      {deleting && (
        <DeleteMessageDialog
          message={message}
          onCancel={() => setDeleting(false)}
          onConfirm={() => {
            setDeleting(false);
            void controller.chat.deleteMessage(message.conversationId, message.id);
          }}
        />
      )}
    </article>
  );
});
