import { useTranslation } from 'react-i18next';
import { STREAM_TIMEOUT_RANGE } from '../../../../shared/contract';
import { useController } from '../../state/context';
import { RangedNumberField } from './RangedNumberField';

/** Seconds of silence before an answer fails with a timeout; saved on blur or Enter. */
export function StreamTimeoutField({ value }: { value: number }) {
  const { t } = useTranslation();
  const controller = useController();
  return (
    <RangedNumberField
      testId="stream-timeout"
      label={t('settings.streamTimeout')}
      hint={t('settings.streamTimeoutHint', STREAM_TIMEOUT_RANGE)}
      value={value}
      range={STREAM_TIMEOUT_RANGE}
      onSave={(seconds) => void controller.settings.updateSettings({ streamTimeoutSeconds: seconds })}
    />
  );
}
