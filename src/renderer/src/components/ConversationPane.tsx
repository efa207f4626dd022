import { useTranslation } from 'react-i18next';
import { useComposerAttachments } from '../hooks/useComposerAttachments';
import { useFileDrop } from '../hooks/useFileDrop';
import { streamingMessage } from '../state/listOps';
import { useAppState } from '../state/context';
import { AssistantPicker } from './AssistantPicker';
import { DropZone } from './attachments/DropZone';
import { Composer } from './Composer';
import { ConversationHeader } from './ConversationHeader';
import { MessageList } from './messages/MessageList';

/**
 * Header, messages and composer of the open conversation (or of a chat not started yet).
 * Files dropped anywhere on it join the message being written.
 */
export function ConversationPane() {
  const { t } = useTranslation();
  const activeId = useAppState((s) => s.activeId);
  const conversation = useAppState((s) => s.conversations.find((c) => c.id === s.activeId) ?? null);
  const messages = useAppState((s) => s.messages);
  const focus = useAppState((s) => (s.focus && s.focus.conversationId === s.activeId ? s.focus : null));
  const list = messages && messages.conversationId === activeId ? messages.list : null;
  const streaming = list !== null && streamingMessage(list) !== undefined;
  const attachments = useComposerAttachments(activeId ?? '');
  const drop = useFileDrop(attachments.add);

  return (
    <section className="pane file-drop-target" aria-label={conversation?.title || t('conversation.untitled')} data-testid="conversation-pane" {...drop.handlers}>
      <ConversationHeader conversation={conversation} />
      {activeId && list === null ? (
        <div className="pane__loading" aria-busy="true">
          <span className="spinner" />
        </div>
      ) : list && list.length > 0 && activeId ? (
        <MessageList conversationId={activeId} messages={list} busy={streaming} focus={focus} />
      ) : (
        <div className="pane__welcome">
          <div className="pane__welcome-inner">
            <h2>{t('conversation.welcome')}</h2>
            <AssistantPicker />
          </div>
        </div>
      )}
      <Composer conversationId={activeId} streaming={streaming} attachments={attachments} />
      {drop.dragging && <DropZone limitsText={attachments.limitsText} />}
    </section>
  );
}
