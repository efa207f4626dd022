import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/domain';
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
        <ParamsDialog conversation={conversation} kind={provider.kind} providerName={provider.name} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
