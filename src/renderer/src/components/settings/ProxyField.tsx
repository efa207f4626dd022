import { useTranslation } from 'react-i18next';
import { useController } from '../../state/context';
import { UrlField } from './UrlField';

interface Props {
  /** The saved proxy; null uses the environment's proxy variables. */
  value: string | null;
}

/** The proxy URL for every provider, search and page; empty uses the environment's variables. */
export function ProxyField({ value }: Props) {
  const { t } = useTranslation();
  const controller = useController();
  return (
    <UrlField
      id="settings-proxy-url"
      testId="proxy-url"
      label={t('settings.proxyUrl')}
      placeholder={t('settings.proxyPlaceholder')}
      hint={t('settings.proxyHint')}
      value={value ?? ''}
      save={(text) => controller.settings.saveSettings({ proxyUrl: text === '' ? null : text })}
    />
  );
}
