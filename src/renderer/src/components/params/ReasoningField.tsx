import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REASONING_EFFORTS, type ReasoningControl, THINKING_BUDGET_RANGE } from '../../../../shared/modelCatalog';

interface Props {
  control: ReasoningControl;
  model: string;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
}

/**
 * The reasoning knob of a model that reasons: Anthropic's thinking budget in tokens, or an
 * OpenAI-style reasoning effort. Empty is the model's default (for Anthropic: no thinking).
 */
export function ReasoningField({ control, model, value, invalid, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const hintId = useId();
  const range = { min: THINKING_BUDGET_RANGE.min.toLocaleString(i18n.language), max: THINKING_BUDGET_RANGE.max.toLocaleString(i18n.language) };
  if (control === 'effort') {
    return (
      <label className="field">
        <span className="field__label">
          {t('params.reasoningEffort')} <code className="params-dialog__wire">reasoning_effort</code>
        </span>
        <select data-testid="params-reasoningEffort" value={value} aria-describedby={hintId} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('params.default')}</option>
          {REASONING_EFFORTS.map((effort) => (
            <option key={effort} value={effort}>
              {t(`params.effort.${effort}`)}
            </option>
          ))}
        </select>
        <span id={hintId} className="field__hint">
          {t('params.reasoningEffortHint', { model })}
        </span>
      </label>
    );
  }
  return (
    <label className="field">
      <span className="field__label">
        {t('params.thinkingBudget')} <code className="params-dialog__wire">budget_tokens</code>
      </span>
      <input
        data-testid="params-thinkingBudget"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('params.thinkingOff')}
        value={value}
        aria-invalid={invalid}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={hintId} className={invalid ? 'field__error' : 'field__hint'}>
        {invalid ? t('params.thinkingBudgetInvalid', range) : t('params.thinkingBudgetHint', { ...range, model })}
      </span>
    </label>
  );
}
