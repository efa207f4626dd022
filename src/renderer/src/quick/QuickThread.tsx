import { useTranslation } from 'react-i18next';
import { useAppState } from '../state/context';
import { activeList, type PaneContent } from '../state/paneSelectors';
import { LazyMessageList, threadLoading } from './quickParts';

interface Props {
  activeId: string | null;
  shown: PaneContent;
  streaming: boolean;
}

/** The questions and answers of this quick ask, rendered exactly like the main window's. */
export function QuickThread({ activeId, shown, streaming }: Props) {
  const { t } = useTranslation();
  if (activeId !== null && shown === 'loading') return threadLoading;
  if (activeId === null || shown !== 'messages') {
    return (
      <div className="quick-empty">
        <span className="icon-bolt quick-empty__mark" aria-hidden="true" />
        <p>{t('quick.empty')}</p>
      </div>
    );
  }
  return <QuickMessages conversationId={activeId} streaming={streaming} />;
}

/** The list, subscribed on its own: a streamed delta re-renders it, not the window around it. */
function QuickMessages({ conversationId, streaming }: { conversationId: string; streaming: boolean }) {
  const list = useAppState(activeList);
  if (!list || list.length === 0) return null;
  // Its chunk is loaded once the window is ready; a question asked before that waits for it here.
  return <LazyMessageList conversationId={conversationId} messages={list} busy={streaming} lastAnswerTestId="quick-answer" />;
}
