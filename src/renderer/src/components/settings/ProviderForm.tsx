import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../../shared/domain';
import { findPreset, PROVIDER_PRESETS } from '../../../../shared/presets';
import { DEFAULT_BASE_URLS } from '../../../../shared/providerCatalog';
import { useErrorText } from '../../hooks/useErrorText';
import { CredentialInput, type ProviderFormState } from './CredentialInput';
import { TestResult } from './TestResult';
import { CustomEndpointForm } from '../customEndpoint/CustomEndpointForm';
import { useProviderForm } from './useProviderForm';

interface Props {
  /** null adds a new provider. */
  provider: ProviderView | null;
  onDone: () => void;
}

export function ProviderForm({ provider, onDone }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const form = useProviderForm(provider, onDone);
  if (form.kind === 'custom') return <CustomEndpointForm provider={provider} onDone={onDone} onLeave={form.choosePreset} />;
  return (
    <form
      className="provider-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.save();
      }}
    >
      <h3 id={`${id}-title`}>{provider ? t('provider.editTitle') : t('provider.addTitle')}</h3>

      <ConnectionFields form={form} />

      {form.credentials.map((field) => (
        <CredentialInput key={field.name} field={field} form={form} provider={provider} single={form.credentials.length === 1} />
      ))}

      <ModelFields form={form} listId={`${id}-models`} />

      <div className="provider-form__test">
        <button
          type="button"
          className="button"
          data-testid="provider-test"
          disabled={form.test.status === 'testing'}
          onClick={() => void form.runTest()}
        >
          {t('provider.test')}
        </button>
        <TestResult state={form.test} />
      </div>

      {form.saveError && (
        <p className="form-error" role="alert">
          {errorText(form.saveError)}
        </p>
      )}

      <div className="modal__actions">
        <button type="button" className="button" data-testid="provider-cancel" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="provider-save" disabled={form.saving}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** The default model (with the server's list as suggestions) and the context window override. */
function ModelFields({ form, listId }: { form: ProviderFormState; listId: string }) {
  const { t } = useTranslation();
  const { fields, update, invalid } = form;
  return (
    <>
        <label className="field">
          <span className="field__label">{t('provider.model')}</span>
          <input
            data-testid="provider-model"
            list={listId}
            spellCheck={false}
            value={fields.model}
            placeholder={t('provider.modelPlaceholder')}
            onChange={(e) => update({ model: e.target.value })}
          />
          <datalist id={listId}>
            {form.suggestions.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </label>

        <label className="field">
          <span className="field__label">{t('provider.contextWindow')}</span>
          <input
            data-testid="provider-context-window"
            type="number"
            inputMode="numeric"
            min={512}
            step={1}
            placeholder={t('provider.contextWindowAuto')}
            value={fields.contextWindow}
            aria-invalid={invalid.has('contextWindow')}
            onChange={(e) => update({ contextWindow: e.target.value })}
          />
          {invalid.has('contextWindow') ? (
            <span className="field__error">{t('provider.contextWindowInvalid')}</span>
          ) : (
            <span className="field__hint">{t('provider.contextWindowHint')}</span>
          )}
        </label>
    </>
  );
}

/** Which service (a preset), its name in Brook and its address. */
function ConnectionFields({ form }: { form: ProviderFormState }) {
  const { t } = useTranslation();
  const { fields, update, invalid } = form;
  const preset = findPreset(fields.presetId);
  const baseUrlPlaceholder =
    preset && preset.baseUrl === '' && !preset.customUrl
      ? t('provider.baseUrlDefault', { url: DEFAULT_BASE_URLS[form.kind] })
      : 'https://example.com/v1';

  return (
    <>
        <label className="field">
          <span className="field__label">{t('provider.preset')}</span>
          <select data-testid="provider-preset" value={fields.presetId} onChange={(e) => form.choosePreset(e.target.value)}>
            {PROVIDER_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === 'custom' ? t('provider.presetCustom') : p.name}
              </option>
            ))}
          </select>
        </label>

        <label className="field">
          <span className="field__label">{t('provider.name')}</span>
          <input
            data-testid="provider-name"
            value={fields.name}
            aria-invalid={invalid.has('name')}
            onChange={(e) => update({ name: e.target.value })}
          />
          {invalid.has('name') && <span className="field__error">{t('provider.nameInvalid')}</span>}
        </label>

        <label className="field">
          <span className="field__label">{t('provider.baseUrl')}</span>
          <input
            data-testid="provider-baseurl"
            type="url"
            inputMode="url"
            spellCheck={false}
            placeholder={baseUrlPlaceholder}
            value={fields.baseUrl}
            aria-invalid={invalid.has('baseUrl')}
            onChange={(e) => update({ baseUrl: e.target.value })}
          />
          {invalid.has('baseUrl') && <span className="field__error">{t('provider.baseUrlInvalid')}</span>}
        </label>
    </>
  );
}
