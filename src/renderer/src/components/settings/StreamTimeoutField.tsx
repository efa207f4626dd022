import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STREAM_TIMEOUT_RANGE } from '../../../../shared/contract';
import { useController } from '../../state/context';

/** Seconds of silence before an answer fails with a timeout; saved on blur or Enter. */
export function StreamTimeoutField({ value }: { value: number }) {
  const { t } = useTranslation();
  const controller = useController();
  const hintId = useId();
  const [text, setText] = useState(String(value));
  const seconds = Number(text);
  const valid = Number.isInteger(seconds) && seconds >= STREAM_TIMEOUT_RANGE.min && seconds <= STREAM_TIMEOUT_RANGE.max;

  const save = () => {
    if (valid && seconds !== value) void controller.settings.updateSettings({ streamTimeoutSeconds: seconds });
  };

  return (
    <div className="field stream-timeout">
      <label className="field field--row stream-timeout__row">
        <span className="field__label">{t('settings.streamTimeout')}</span>
        <input
          data-testid="stream-timeout"
          className="stream-timeout__input"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          aria-invalid={!valid}
          aria-describedby={hintId}
          onChange={(e) => setText(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
          }}
        />
      </label>
      <span id={hintId} className={valid ? 'field__hint' : 'field__error'}>
        {t('settings.streamTimeoutHint', STREAM_TIMEOUT_RANGE)}
      </span>
    </div>
  );
}
