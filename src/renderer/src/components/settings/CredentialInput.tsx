import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../../shared/domain';
import type { CredentialField } from '../../../../shared/providerCatalog';
import type { useProviderForm } from './useProviderForm';

export type ProviderFormState = ReturnType<typeof useProviderForm>;

interface CredentialProps {
  field: CredentialField;
  form: ProviderFormState;
  provider: ProviderView | null;
  /** The kind's only credential: a plain, translated "API key" label. */
  single: boolean;
}

/** One credential of the chosen kind: APPID as text, keys and secrets as write-only inputs. */
export function CredentialInput({ field, form, provider, single }: CredentialProps) {
  const { t } = useTranslation();
  const id = useId();
  const { fields, update, invalid } = form;
  // The console's own term, with a translation where the language has one.
  const vendor = t(`presets.field.${field.vendorLabel}`, { defaultValue: field.vendorLabel });
  const label = single && field.name === 'apiKey' ? t('provider.apiKey') : vendor;
  const missing = form.missing.has(field.name);
  const needed = missing && (
    <span className="field__hint">
      {single && field.name === 'apiKey' ? t('provider.keyNeeded') : t('provider.fieldNeeded', { field: vendor })}
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

  return <SecretInput id={id} label={label} field={field} form={form} provider={provider} single={single} notes={<>{invalidNote}{needed}</>} />;
}

interface SecretProps extends CredentialProps {
  id: string;
  label: string;
  /** Why the field is invalid or needed, under it. */
  notes: ReactNode;
}

/** A key or secret: write-only; a stored one is kept unless replaced or removed. */
function SecretInput({ id, label, field, form, provider, single, notes }: SecretProps) {
  const { t } = useTranslation();
  const { fields, update, invalid } = form;
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
      {notes}
    </div>
  );
}
