import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../shared/domain';
import { findPreset } from '../../../shared/presets';
import { useAppState, useController } from '../state/context';
import type { ModelChoice } from '../state/modelChoice';

const SEP = '\u001f';
const encode = (providerId: string, model: string) => `${providerId}${SEP}${model}`;

function modelsFor(provider: ProviderView, reported: readonly string[] | undefined, current: string | null): string[] {
  const all = [provider.defaultModel, current ?? '', ...(reported ?? []), ...(findPreset(provider.presetId)?.knownModels ?? [])];
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
  const controller = useController();
  const providers = useAppState((s) => s.providers);
  const catalog = useAppState((s) => s.modelCatalog);
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
      onFocus={() => controller.settings.refreshModelCatalog()}
      onChange={(e) => change(e.target.value)}
    >
      {(noneLabel !== undefined || !provider) && (
        <option value="" disabled={noneLabel === undefined}>
          {noneLabel ?? t('conversation.chooseModel')}
        </option>
      )}
      {providers.map((p) => {
        const mine = p.id === value.providerId;
        const models = modelsFor(p, catalog[p.id], mine ? value.model : null);
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
