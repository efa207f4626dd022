import { useTranslation } from 'react-i18next';
import type { Conversation, ProviderView } from '../../../shared/domain';
import { findPreset } from '../../../shared/presets';
import { useAppState, useController } from '../state/context';

const SEP = '\u001f';
const encode = (providerId: string, model: string) => `${providerId}${SEP}${model}`;

function modelsFor(provider: ProviderView, reported: readonly string[] | undefined, current: string | null): string[] {
  const all = [provider.defaultModel, current ?? '', ...(reported ?? []), ...(findPreset(provider.presetId)?.knownModels ?? [])];
  return [...new Set(all.filter((m) => m !== ''))];
}

/** Provider and model of one conversation, grouped by provider. */
export function ModelPicker({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const controller = useController();
  const providers = useAppState((s) => s.providers);
  const catalog = useAppState((s) => s.modelCatalog);
  const provider = providers.find((p) => p.id === conversation.providerId);
  const value = provider ? encode(provider.id, conversation.model ?? provider.defaultModel) : '';

  const onChange = (next: string) => {
    const at = next.indexOf(SEP);
    if (at < 0) return;
    const model = next.slice(at + 1);
    void controller.setModel(conversation.id, next.slice(0, at), model === '' ? null : model);
  };

  return (
    <select
      className="model-picker"
      data-testid="model-picker"
      aria-label={t('conversation.model')}
      value={value}
      onFocus={() => controller.settings.refreshModelCatalog()}
      onChange={(e) => onChange(e.target.value)}
    >
      {!provider && (
        <option value="" disabled>
          {t('conversation.chooseModel')}
        </option>
      )}
      {providers.map((p) => {
        const mine = p.id === conversation.providerId;
        const models = modelsFor(p, catalog[p.id], mine ? conversation.model : null);
        const unset = models.length === 0 || (mine && !conversation.model && !p.defaultModel);
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
