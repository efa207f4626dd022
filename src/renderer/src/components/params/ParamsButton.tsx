import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/domain';
import { effectiveCapabilities, modelEntry, reasoningControl } from '../../../../shared/modelCatalog';
import { useAppState } from '../../state/context';
import { ParamsDialog } from './ParamsDialog';

/** Opens the conversation's parameters; marked when any is set, so a custom prompt is never a surprise. */
export function ParamsButton({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const provider = useAppState((s) => {
    const id = conversation.providerId ?? s.settings?.defaultProviderId ?? null;
    return s.providers.find((p) => p.id === id) ?? s.providers[0] ?? null;
  });
  const custom = Object.values(conversation.params).some((v) => v !== undefined);
  if (!provider) return null;
  // The model the next answer uses, as the core picks it: the chat's own, else the provider's default.
  const model = (conversation.providerId === provider.id ? conversation.model : null) || provider.defaultModel;
  const reasoning = reasoningControl(provider.kind, effectiveCapabilities(modelEntry(provider.models, model)));
  return (
    <>
      <button
        type="button"
        className={custom ? 'button params-button is-custom' : 'button params-button'}
        data-testid="params-open"
        aria-haspopup="dialog"
        title={custom ? t('params.customHint') : t('params.title')}
        onClick={() => setOpen(true)}
      >
        {t('params.button')}
      </button>
      {open && (
        <ParamsDialog
          conversation={conversation}
          kind={provider.kind}
          providerName={provider.name}
          model={model}
          reasoning={reasoning}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
