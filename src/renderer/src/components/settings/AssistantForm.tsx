import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assistantDraftSchema, type AssistantDraft } from '../../../../shared/contract';
import type { Assistant } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import { toErrorData } from '../../state/errors';

interface Props {
  assistant: Assistant | null;
  onSave: (draft: AssistantDraft) => Promise<void>;
  onCancel: () => void;
}

/** Empty means "the provider's default"; anything else must be a number in range. */
function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** Name, system prompt and default parameters of one saved prompt. */
export function AssistantForm({ assistant, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const p = assistant?.params ?? {};
  const [name, setName] = useState(assistant?.name ?? '');
  const [systemPrompt, setSystemPrompt] = useState(p.systemPrompt ?? '');
  const [temperature, setTemperature] = useState(p.temperature?.toString() ?? '');
  const [topP, setTopP] = useState(p.topP?.toString() ?? '');
  const [maxOutputTokens, setMaxOutputTokens] = useState(p.maxOutputTokens?.toString() ?? '');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const parsed = assistantDraftSchema.safeParse({
      name,
      params: Object.fromEntries(
        Object.entries({
          systemPrompt: systemPrompt.trim() === '' ? undefined : systemPrompt,
          temperature: numberOrUndefined(temperature),
          topP: numberOrUndefined(topP),
          maxOutputTokens: numberOrUndefined(maxOutputTokens),
          topK: p.topK,
        }).filter(([, v]) => v !== undefined),
      ),
    });
    if (!parsed.success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(true);
    try {
      await onSave(parsed.data);
    } catch (err) {
      setError(toErrorData(err));
      setBusy(false);
    }
  };

  return (
    <form
      className="assistant-form"
      data-testid="assistant-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field">
        <span className="field__label">{t('assistants.name')}</span>
        <input data-testid="assistant-name" value={name} maxLength={100} autoFocus onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t('assistants.systemPrompt')}</span>
        <textarea
          data-testid="assistant-system-prompt"
          rows={4}
          value={systemPrompt}
          maxLength={100_000}
          onChange={(e) => setSystemPrompt(e.target.value)}
        />
      </label>
      <div className="assistant-form__numbers">
        <label className="field">
          <span className="field__label">{t('assistants.temperature')}</span>
          <input data-testid="assistant-temperature" inputMode="decimal" placeholder="0 – 2" value={temperature} onChange={(e) => setTemperature(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('assistants.topP')}</span>
          <input data-testid="assistant-top-p" inputMode="decimal" placeholder="0 – 1" value={topP} onChange={(e) => setTopP(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('assistants.maxOutputTokens')}</span>
          <input data-testid="assistant-max-tokens" inputMode="numeric" value={maxOutputTokens} onChange={(e) => setMaxOutputTokens(e.target.value)} />
        </label>
      </div>
      <p className="field__hint">{t('assistants.blankHint')}</p>
      {invalid && <p className="field__error">{t('assistants.invalid')}</p>}
      {error && <p className="field__error">{errorText(error)}</p>}
      <div className="assistant-form__actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="assistant-save" disabled={busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
