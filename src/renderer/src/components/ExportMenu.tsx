import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../shared/domain';
import { useController } from '../state/context';
import { toErrorData } from '../state/errors';
import { MenuButton } from './shell/MenuButton';

const FORMATS: readonly ExportFormat[] = ['markdown', 'html', 'json'];

/**
 * Saves the open conversation as a file: Markdown or HTML (what is shown), or JSON (everything,
 * every branch). A menu button, so arrowing through the formats saves nothing until one is chosen.
 */
export function ExportMenu({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const controller = useController();
  const items = FORMATS.map((format) => ({
    id: format,
    label: t(`transfer.format.${format}`),
    onSelect: () =>
      void controller.transfer
        .exportConversation(conversationId, format)
        .catch((err: unknown) => controller.store.setState({ notice: toErrorData(err) })),
  }));
  return (
    <MenuButton testId="export-conversation" label={t('transfer.exportConversation')} items={items} className="export-menu">
      <span className="icon-download" aria-hidden="true" />
      <span className="pane-header__label">{t('transfer.export')}</span>
    </MenuButton>
  );
}
