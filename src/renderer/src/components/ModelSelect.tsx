import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../shared/domain';
import { pickerModels } from '../../../shared/modelCatalog';
import { useAppState } from '../state/context';
import type { ModelChoice } from '../state/modelChoice';

const SEP = '\u001f';
const encode = (providerId: string, model: string) => `${providerId}${SEP}${model}`;

/** The provider's models as its model manager lists them, and the conversation's own if it is another. */
function modelsFor(provider: ProviderView, current: string | null): string[] {
  const all = [...pickerModels(provider).map((m) => m.id), current ?? ''];
  return [...new Set(all.filter((m) => m !== ''))];
}

interface Props {
  value: ModelChoice;
  onChange: (choice: ModelChoice) => void;
  testId: string;
  className?: string;
  disabled?: boolean;
  /** Offers `providerId: null` under this label (e.g. "Same as the default provider"). */
  noneLabel?: string;
}

/** A provider and model, grouped by provider; the models come from tests, the preset and the current value. */
export function ModelSelect({ value, onChange, testId, className = 'model-picker', disabled, noneLabel }: Props) {
  const { t } = useTranslation();
  const providers = useAppState((s) => s.providers);
  const provider = providers.find((p) => p.id === value.providerId);
  const encoded = provider ? encode(provider.id, value.model ?? provider.defaultModel) : '';

  const change = (next: string) => {
    if (next === '') return onChange({ providerId: null, model: null });
    const at = next.indexOf(SEP);
    if (at < 0) return;
    const model = next.slice(at + 1);
    onChange({ providerId: next.slice(0, at), model: model === '' ? null : model });
  };

  return (
    <select
      className={className}
      data-testid={testId}
      aria-label={t('conversation.model')}
      value={encoded}
      disabled={disabled}
      onChange={(e) => change(e.target.value)}
    >
      {(noneLabel !== undefined || !provider) && (
        <option value="" disabled={noneLabel === undefined}>
          {noneLabel ?? t('conversation.chooseModel')}
        </option>
      )}
      {providers.map((p) => {
        const mine = p.id === value.providerId;
        const models = modelsFor(p, mine ? value.model : null);
        const unset = models.length === 0 || (mine && !value.model && !p.defaultModel);
        return (
          <optgroup key={p.id} label={p.name}>
            {unset && <option value={encode(p.id, '')}>{t('conversation.noModel')}</option>}
            {models.map((m) => (
              <option key={m} value={encode(p.id, m)}>
                {m}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
