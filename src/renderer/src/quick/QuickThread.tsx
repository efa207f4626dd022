import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/domain';
import { MessageList } from '../components/messages/MessageList';

interface Props {
  activeId: string | null;
  list: readonly Message[] | null;
  streaming: boolean;
}

/** The questions and answers of this quick ask, rendered exactly like the main window's. */
export function QuickThread({ activeId, list, streaming }: Props) {
  const { t } = useTranslation();
  if (activeId !== null && list === null) {
    return (
      <div className="pane__loading" aria-busy="true">
        <span className="spinner" />
      </div>
    );
  }
  if (activeId === null || list === null || list.length === 0) {
    return (
      <div className="quick-empty">
        <span className="icon-bolt quick-empty__mark" aria-hidden="true" />
        <p>{t('quick.empty')}</p>
      </div>
    );
  }
  return <MessageList conversationId={activeId} messages={list} busy={streaming} lastAnswerTestId="quick-answer" />;
}
