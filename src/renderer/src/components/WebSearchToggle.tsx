import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useController } from '../state/context';
import { defaultProvider } from '../state/modelChoice';
import { webSearchReady } from '../state/webSearchReady';

/**
 * The conversation's web-search switch. Before the chat exists it holds the choice for the
 * first message; otherwise it is saved with the conversation at once. With no usable search
 * engine it cannot be switched on: it offers to set one up instead.
 */
export function WebSearchToggle({ conversationId }: { conversationId: string | null }) {
  const { t } = useTranslation();
  const controller = useController();
  const [offer, setOffer] = useState(false);
  const ready = useAppState((s) => {
    const conversation = conversationId ? s.conversations.find((c) => c.id === conversationId) : undefined;
    const provider = s.providers.find((p) => p.id === conversation?.providerId) ?? defaultProvider(s.settings, s.providers);
    return webSearchReady(s.settings, s.webSearchKeys, provider);
  });
  const enabled = useAppState((s) => {
    const conversation = conversationId ? s.conversations.find((c) => c.id === conversationId) : undefined;
    const own = conversation ? conversation.webSearch : s.newChatWebSearch;
    return own ?? s.settings?.webSearch.enabledByDefault ?? false;
  });
  const on = enabled && ready;
  return (
    <span className="web-search-gate">
      <button
        type="button"
        className={`web-search-toggle${on ? ' is-on' : ''}`}
        data-testid="web-search-toggle"
        data-ready={ready}
        aria-pressed={on}
        aria-expanded={ready ? undefined : offer}
        title={!ready ? t('webSearchGate.notReady') : on ? t('webSearch.toggleOn') : t('webSearch.toggleOff')}
        onClick={() => (ready ? void controller.setWebSearch(!enabled) : setOffer(!offer))}
      >
        <span className="icon-globe" aria-hidden="true" />
        <span className="web-search-toggle__label">{t('webSearch.toggle')}</span>
      </button>
      {!ready && offer && (
        <span className="web-search-gate__offer" role="status" data-testid="web-search-offer">
          {t('webSearchGate.notReady')}{' '}
          <button
            type="button"
            className="link-button"
            data-testid="web-search-setup"
            onClick={() => {
              setOffer(false);
              controller.openSettings('webSearch');
            }}
          >
            {t('webSearchGate.setUp')}
          </button>
        </span>
      )}
    </span>
  );
}
