import { useTranslation } from 'react-i18next';
import { useAppState, useController } from '../state/context';

/** Which saved prompt a new conversation starts with; shown until the first message is sent. */
export function AssistantPicker() {
  const { t } = useTranslation();
  const controller = useController();
  const assistants = useAppState((s) => s.assistants);
  const chosen = useAppState((s) => s.newChatAssistantId);
  if (assistants.length === 0) return null;
  return (
    <label className="assistant-picker">
      <span className="assistant-picker__label">{t('assistants.startWith')}</span>
      <select
        data-testid="assistant-picker"
        value={chosen ?? ''}
        onChange={(e) => void controller.chooseAssistant(e.target.value || null)}
      >
        <option value="">{t('assistants.none')}</option>
        {assistants.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}
