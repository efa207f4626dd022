import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../../shared/domain';
import { PROVIDER_PRESETS } from '../../../../shared/presets';
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
  const keyHint = provider?.hasKey && !fields.removeKey ? t('provider.keyKept') : t('provider.keyPlaceholder');

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
          placeholder="https://example.com/v1"
          value={fields.baseUrl}
          aria-invalid={invalid.has('baseUrl')}
          onChange={(e) => update({ baseUrl: e.target.value })}
        />
        {invalid.has('baseUrl') && <span className="field__error">{t('provider.baseUrlInvalid')}</span>}
      </label>

      <div className="field">
        <label className="field__label" htmlFor={`${id}-key`}>
          {t('provider.apiKey')}
        </label>
        <input
          id={`${id}-key`}
          data-testid="provider-apikey"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={keyHint}
          value={fields.apiKey}
          disabled={fields.removeKey}
          onChange={(e) => update({ apiKey: e.target.value })}
        />
        {provider?.hasKey && (
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="provider-remove-key"
              checked={fields.removeKey}
              onChange={(e) => update({ removeKey: e.target.checked, apiKey: '' })}
            />
            {t('provider.removeKey')}
          </label>
        )}
        {form.keyMissing && <span className="field__hint">{t('provider.keyNeeded')}</span>}
      </div>

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
