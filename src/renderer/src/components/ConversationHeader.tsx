import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/domain';
import { ExportMenu } from './ExportMenu';
import { useController } from '../state/context';
import { DraftModelPicker, ModelPicker } from './ModelPicker';
import { ParamsButton } from './params/ParamsButton';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function ConversationHeader({ conversation }: { conversation: Conversation | null }) {
  const { t } = useTranslation();
  const controller = useController();
  return (
    <header className="pane-header">
      <h1 className="pane-header__title" title={conversation?.title}>
        {conversation?.title || t('conversation.untitled')}
      </h1>
      {conversation ? <ModelPicker conversation={conversation} /> : <DraftModelPicker origin="chat" />}
      {conversation && <ParamsButton conversation={conversation} />}
      {conversation && <ExportMenu conversationId={conversation.id} />}
      <button
        type="button"
        className="button button--ghost pane-header__search"
        data-testid="open-search"
        title={t('search.title')}
        onClick={() => controller.openSearch()}
      >
        <span className="icon-search" aria-hidden="true" />
        <span>{t('search.button')}</span>
        <kbd>{MAC ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
    </header>
  );
}
