import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/domain';
import { ExportMenu } from './ExportMenu';
import { useController } from '../state/context';
import { ModelPicker } from './modelPicker/ModelPicker';
import { ParamsButton } from './params/ParamsButton';
import { SidebarToggle } from './shell/SidebarToggle';
import { shortcutLabel } from './shell/shortcuts';

/**
 * Title, model, parameters, export and search. The row wraps on a narrow window (the title keeps
 * the first line) and the buttons drop their words, so nothing ends up off screen.
 */
export function ConversationHeader({ conversation }: { conversation: Conversation | null }) {
  const { t } = useTranslation();
  const controller = useController();
  return (
    <header className="pane-header">
      <SidebarToggle placement="header" />
      <h1 className="pane-header__title" title={conversation?.title}>
        {conversation?.title || t('conversation.untitled')}
      </h1>
      <div className="pane-header__tools">
        <ModelPicker conversation={conversation ?? null} origin="chat" />
        {conversation && <ParamsButton conversation={conversation} />}
        {conversation && <ExportMenu conversationId={conversation.id} />}
        <button
          type="button"
          className="button button--ghost pane-header__search"
          data-testid="open-search"
          aria-label={t('search.title')}
          title={t('search.title')}
          onClick={() => controller.openSearch()}
        >
          <span className="icon-search" aria-hidden="true" />
          <span className="pane-header__label">{t('search.button')}</span>
          <kbd className="pane-header__label">{shortcutLabel('K')}</kbd>
        </button>
      </div>
    </header>
  );
}
