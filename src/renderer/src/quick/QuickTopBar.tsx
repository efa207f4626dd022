import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useController } from '../state/context';
import { LazyModelPicker } from './quickParts';

/** The drag handle of the frameless window, with the model, New and (desktop only) Pin and Hide. */
export function QuickTopBar() {
  const { t } = useTranslation();
  const controller = useController();
  const desktop = controller.desktop.isDesktop();
  const hasProviders = useAppState((s) => s.providers.length > 0);
  const [pinned, setPinned] = useState(false);

  const togglePin = async () => {
    setPinned(await controller.desktop.setQuickAskPinned(!pinned));
  };

  return (
    <header className="quick-bar">
      <span className="quick-bar__title">
        <span className="brand__mark" aria-hidden="true" />
        {t('quick.title')}
      </span>
      {/* Its chunk comes right after the first paint; the spacer keeps the buttons in place meanwhile. */}
      {hasProviders && <LazyModelPicker />}
      <span className="quick-bar__spacer" />
      <button
        type="button"
        className="icon-button"
        data-testid="quick-new"
        aria-label={t('quick.new')}
        title={t('quick.new')}
        onClick={() => controller.startOver()}
      >
        <span className="icon-plus" aria-hidden="true" />
      </button>
      {desktop && (
        <button
          type="button"
          className={pinned ? 'icon-button is-on' : 'icon-button'}
          data-testid="quick-pin"
          aria-pressed={pinned}
          aria-label={t('quick.pin')}
          title={pinned ? t('quick.unpinHint') : t('quick.pinHint')}
          onClick={() => void togglePin()}
        >
          <span className="icon-pin" aria-hidden="true" />
        </button>
      )}
      {desktop && (
        <button
          type="button"
          className="icon-button"
          data-testid="quick-hide"
          aria-label={t('quick.hide')}
          title={t('quick.hide')}
          onClick={() => void controller.desktop.hideQuickAsk()}
        >
          <span className="icon-close" aria-hidden="true" />
        </button>
      )}
    </header>
  );
}
