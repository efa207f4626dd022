import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../shared/domain';
import { useController } from '../state/context';
import { toErrorData } from '../state/errors';

const FORMATS: readonly ExportFormat[] = ['markdown', 'html', 'json'];

/** Saves the open conversation as a file: Markdown or HTML (what is shown), or JSON (everything, every branch). */
export function ExportMenu({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const controller = useController();
  return (
    <select
      className="export-menu"
      data-testid="export-conversation"
      aria-label={t('transfer.exportConversation')}
      title={t('transfer.exportConversation')}
      value=""
      onChange={(e) => {
        const format = FORMATS.find((f) => f === e.target.value);
        if (!format) return;
        controller.transfer
          .exportConversation(conversationId, format)
          .catch((err: unknown) => controller.store.setState({ notice: toErrorData(err) }));
      }}
    >
      <option value="" disabled>
        {t('transfer.export')}
      </option>
      {FORMATS.map((f) => (
        <option key={f} value={f}>
          {t(`transfer.format.${f}`)}
        </option>
      ))}
    </select>
  );
}
