import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useComposerAttachments } from '../hooks/useComposerAttachments';
import { useFileDrop } from '../hooks/useFileDrop';
import { warmMarkdown } from '../markdown/warmMarkdown';
import { useAppState } from '../state/context';
import { activeList, paneContent, paneStreaming } from '../state/paneSelectors';
import { AssistantPicker } from './AssistantPicker';
import { DropZone } from './attachments/DropZone';
import { Composer } from './Composer';
import { ConversationHeader } from './ConversationHeader';
import { MessageList } from './messages/MessageList';

/**
 * Header, messages and composer of the open conversation (or of a chat not started yet).
 * Files dropped anywhere on it join the message being written. While an answer streams only
 * the list re-renders (see paneSelectors).
 */
export function ConversationPane() {
  const { t } = useTranslation();
  const activeId = useAppState((s) => s.activeId);
  const conversation = useAppState((s) => s.conversations.find((c) => c.id === s.activeId) ?? null);
  const shown = useAppState(paneContent);
  const streaming = useAppState(paneStreaming);
  const attachments = useComposerAttachments(activeId ?? '');
  const drop = useFileDrop(attachments.add);
  useEffect(warmMarkdown, []);

  return (
    <section className="pane file-drop-target" aria-label={conversation?.title || t('conversation.untitled')} data-testid="conversation-pane" {...drop.handlers}>
      <ConversationHeader conversation={conversation} />
      {activeId && shown === 'loading' ? (
        <div className="pane__loading" aria-busy="true">
          <span className="spinner" />
        </div>
      ) : shown === 'messages' && activeId ? (
        <ActiveMessages conversationId={activeId} busy={streaming} />
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

/** The list of the active conversation, subscribed on its own: a streamed delta re-renders it, not the pane. */
function ActiveMessages({ conversationId, busy }: { conversationId: string; busy: boolean }) {
  const list = useAppState(activeList);
  const focus = useAppState((s) => (s.focus && s.focus.conversationId === s.activeId ? s.focus : null));
  return list && list.length > 0 ? <MessageList conversationId={conversationId} messages={list} busy={busy} focus={focus} /> : null;
}
