import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_FEED_ASSISTANT_NAME, FEED_ASSISTANT_NAME_MAX } from '../../../../shared/contract';
import { useController } from '../../state/context';

/**
 * The `user` name of assistant frames in the live feed. Subscribers written for the original
 * HuggingChat wrapper wait for "Open-Assistant"; saved on blur or Enter, an empty field goes
 * back to the default.
 */
export function FeedAssistantNameField({ value }: { value: string }) {
  const { t } = useTranslation();
  const controller = useController();
  const [draft, setDraft] = useState(value);
  const save = () => {
    const next = draft.trim() || DEFAULT_FEED_ASSISTANT_NAME;
    setDraft(next);
    if (next !== value) void controller.settings.updateSettings({ localFeed: { assistantName: next } });
  };
  return (
    <label className="field feed-assistant-name">
      <span className="field__label">{t('shell.feedAssistantName')}</span>
      <input
        data-testid="local-feed-assistant-name"
        value={draft}
        maxLength={FEED_ASSISTANT_NAME_MAX}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
      <span className="field__hint">{t('shell.feedAssistantNameHint')}</span>
    </label>
  );
}
