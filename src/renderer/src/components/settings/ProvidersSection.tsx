import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../../shared/domain';
import { useAppState, useController } from '../../state/context';
import { ConfirmDialog } from '../ConfirmDialog';
import { ProviderForm } from './ProviderForm';
import { SecretStorageNote } from './SecretStorageNote';

/** The configured providers, with the add/edit form in place of the list while it is open. */
export function ProvidersSection() {
  const { t } = useTranslation();
  const controller = useController();
  const providers = useAppState((s) => s.providers);
  const defaultId = useAppState((s) => s.settings?.defaultProviderId ?? null);
  const [editing, setEditing] = useState<ProviderView | 'new' | null>(null);
  const [removing, setRemoving] = useState<ProviderView | null>(null);

  return (
    <section className="settings-section" aria-labelledby="settings-providers">
      <div className="settings-section__head">
        <h3 id="settings-providers">{t('settings.providers')}</h3>
        {editing === null && (
          <button type="button" className="button button--primary" data-testid="provider-add" onClick={() => setEditing('new')}>
            <span className="icon-plus" aria-hidden="true" />
            {t('provider.add')}
          </button>
        )}
      </div>
      <SecretStorageNote />
      {editing !== null ? (
        <ProviderForm
          key={editing === 'new' ? 'new' : editing.id}
          provider={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : providers.length === 0 ? (
        <p className="settings-section__empty">{t('provider.none')}</p>
      ) : (
        <ul className="provider-list">
          {providers.map((p) => (
            <li key={p.id} className="provider-item" data-testid="provider-item" data-id={p.id}>
              <div className="provider-item__main">
                <span className="provider-item__name">
                  {p.name}
                  {p.id === defaultId && <span className="badge">{t('provider.default')}</span>}
                </span>
                <span className="provider-item__detail">{p.baseUrl}</span>
                <span className="provider-item__detail">
                  {p.defaultModel || t('provider.noModel')} · {p.custom ? t('customEndpoint.listDetail', { format: t(`customEndpoint.formats.${p.custom.stream.format}`), secrets: p.storedSecretHeaders.length }) : p.hasKey ? t('provider.keySet') : t('provider.keyNotSet')}
                </span>
              </div>
              <div className="provider-item__actions">
                <button type="button" className="button" data-testid="provider-edit" onClick={() => setEditing(p)}>
                  {t('common.edit')}
                </button>
                <button type="button" className="button" data-testid="provider-remove" onClick={() => setRemoving(p)}>
                  {t('common.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {removing && (
        <ConfirmDialog
          title={t('provider.removeTitle')}
          message={t('provider.removeMessage', { name: removing.name })}
          confirmLabel={t('common.remove')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            setRemoving(null);
            void controller.settings.removeProvider(removing.id);
          }}
        />
      )}
    </section>
  );
}
