import { useTranslation } from 'react-i18next';
import { useAppState, useController } from '../state/context';

/**
 * The conversation's web-search switch. Before the chat exists it holds the choice for the
 * first message; otherwise it is saved with the conversation at once.
 */
export function WebSearchToggle({ conversationId }: { conversationId: string | null }) {
  const { t } = useTranslation();
  const controller = useController();
  const enabled = useAppState((s) => {
    const conversation = conversationId ? s.conversations.find((c) => c.id === conversationId) : undefined;
    const own = conversation ? conversation.webSearch : s.newChatWebSearch;
    return own ?? s.settings?.webSearch.enabledByDefault ?? false;
  });
  return (
    <button
      type="button"
      className={`web-search-toggle${enabled ? ' is-on' : ''}`}
      data-testid="web-search-toggle"
      aria-pressed={enabled}
      title={enabled ? t('webSearch.toggleOn') : t('webSearch.toggleOff')}
      onClick={() => void controller.setWebSearch(!enabled)}
    >
      <span className="icon-globe" aria-hidden="true" />
      <span className="web-search-toggle__label">{t('webSearch.toggle')}</span>
    </button>
  );
}
