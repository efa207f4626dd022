import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/domain';
import { ExportMenu } from './ExportMenu';
import { ModelPicker } from './ModelPicker';
import { ParamsButton } from './params/ParamsButton';

export function ConversationHeader({ conversation }: { conversation: Conversation | null }) {
  const { t } = useTranslation();
  return (
    <header className="pane-header">
      <h1 className="pane-header__title" title={conversation?.title}>
        {conversation?.title || t('conversation.untitled')}
      </h1>
      {conversation && <ModelPicker conversation={conversation} />}
      {conversation && <ParamsButton conversation={conversation} />}
      {conversation && <ExportMenu conversationId={conversation.id} />}
    </header>
  );
}
