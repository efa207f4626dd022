import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../../shared/domain';
import { findPreset, PROVIDER_PRESETS } from '../../../../shared/presets';
import { type CredentialField, DEFAULT_BASE_URLS } from '../../../../shared/providerCatalog';
import { useErrorText } from '../../hooks/useErrorText';
import { TestResult } from './TestResult';
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
  const { fields, update, invalid } = form;
  const preset = findPreset(fields.presetId);
  const baseUrlPlaceholder =
    preset && preset.baseUrl === '' && !preset.customUrl
      ? t('provider.baseUrlDefault', { url: DEFAULT_BASE_URLS[form.kind] })
      : 'https://example.com/v1';

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

      {form.credentials.map((field) => (
        <CredentialInput key={field.name} field={field} form={form} provider={provider} single={form.credentials.length === 1} />
      ))}

      <label className="field">
        <span className="field__label">{t('provider.model')}</span>
        <input
          data-testid="provider-model"
          list={`${id}-models`}
          spellCheck={false}
          value={fields.model}
          placeholder={t('provider.modelPlaceholder')}
          onChange={(e) => update({ model: e.target.value })}
        />
        <datalist id={`${id}-models`}>
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

type Form = ReturnType<typeof useProviderForm>;

interface CredentialProps {
  field: CredentialField;
  form: Form;
  provider: ProviderView | null;
  /** The kind's only credential: a plain, translated "API key" label. */
  single: boolean;
}

/** One credential of the chosen kind: APPID as text, keys and secrets as write-only inputs. */
function CredentialInput({ field, form, provider, single }: CredentialProps) {
  const { t } = useTranslation();
  const id = useId();
  const { fields, update, invalid } = form;
  const label = single && field.name === 'apiKey' ? t('provider.apiKey') : field.vendorLabel;
  const missing = form.missing.has(field.name);
  const needed = missing && (
    <span className="field__hint">
      {single && field.name === 'apiKey' ? t('provider.keyNeeded') : t('provider.fieldNeeded', { field: field.vendorLabel })}
    </span>
  );
  const invalidNote = invalid.has(field.name) && <span className="field__error">{t('provider.credentialInvalid')}</span>;

  if (field.name === 'appId') {
    return (
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <input
          id={id}
          data-testid="provider-appid"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={fields.appId}
          aria-invalid={invalid.has('appId')}
          onChange={(e) => update({ appId: e.target.value })}
        />
        {invalidNote}
        {needed}
      </div>
    );
  }

  const isKey = field.name === 'apiKey';
  const stored = isKey ? provider?.hasKey === true : provider?.hasSecret === true;
  const removed = isKey ? fields.removeKey : fields.removeSecret;
  const value = isKey ? fields.apiKey : fields.apiSecret;
  const placeholder =
    stored && !removed
      ? isKey
        ? t('provider.keyKept')
        : t('provider.secretKept')
      : isKey && single
        ? t('provider.keyPlaceholder')
        : t('provider.secretPlaceholder', { field: field.vendorLabel });
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        data-testid={isKey ? 'provider-apikey' : 'provider-apisecret'}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        disabled={removed}
        aria-invalid={invalid.has(field.name)}
        onChange={(e) => update(isKey ? { apiKey: e.target.value } : { apiSecret: e.target.value })}
      />
      {stored && (
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid={isKey ? 'provider-remove-key' : 'provider-remove-secret'}
            checked={removed}
            onChange={(e) =>
              update(isKey ? { removeKey: e.target.checked, apiKey: '' } : { removeSecret: e.target.checked, apiSecret: '' })
            }
          />
          {isKey && single ? t('provider.removeKey') : t('provider.removeSecret', { field: field.vendorLabel })}
        </label>
      )}
      {invalidNote}
      {needed}
    </div>
  );
}
