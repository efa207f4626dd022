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
      params: definedOnly({
        systemPrompt: systemPrompt.trim() === '' ? undefined : systemPrompt,
        temperature: numberOrUndefined(temperature),
        topP: numberOrUndefined(topP),
        maxOutputTokens: numberOrUndefined(maxOutputTokens),
        topK: p.topK,
      }),
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
        <NumberField testId="assistant-temperature" label={t('assistants.temperature')} placeholder="0 – 2" decimal value={temperature} onChange={setTemperature} />
        <NumberField testId="assistant-top-p" label={t('assistants.topP')} placeholder="0 – 1" decimal value={topP} onChange={setTopP} />
        <NumberField testId="assistant-max-tokens" label={t('assistants.maxOutputTokens')} value={maxOutputTokens} onChange={setMaxOutputTokens} />
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

/** The parameters the user filled in; a blank one uses the provider's default. */
function definedOnly(values: Record<string, string | number | undefined>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string | number] => e[1] !== undefined));
}

interface NumberFieldProps {
  testId: string;
  label: string;
  placeholder?: string;
  /** Allows a decimal point (temperature) rather than whole numbers only. */
  decimal?: boolean;
  value: string;
  onChange(value: string): void;
}

function NumberField({ testId, label, placeholder, decimal, value, onChange }: NumberFieldProps) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input data-testid={testId} inputMode={decimal ? 'decimal' : 'numeric'} placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
