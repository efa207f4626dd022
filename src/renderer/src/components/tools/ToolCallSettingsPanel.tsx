import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TOOL_CALL_LIMITS, type ToolCallSettings } from '../../../../shared/toolCalls';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';
import { Toggle } from '../settings/Toggle';

type NumberKey = 'maxRounds' | 'timeoutSeconds' | 'resultCapKb';
const RANGES: Record<NumberKey, { min: number; max: number }> = {
  maxRounds: TOOL_CALL_LIMITS.maxRounds,
  timeoutSeconds: TOOL_CALL_LIMITS.timeoutSeconds,
  resultCapKb: { min: TOOL_CALL_LIMITS.resultCapBytes.min / 1024, max: TOOL_CALL_LIMITS.resultCapBytes.max / 1024 },
};

/**
 * Settings → Tools, how calls run: whether each call asks first, how many rounds one answer may
 * make, how long a call may take and how much of a result reaches the model.
 */
export function ToolCallSettingsPanel() {
  const { t } = useTranslation();
  const { client } = useController();
  const errorText = useErrorText();
  const [settings, setSettings] = useState<ToolCallSettings | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    client.request('toolCalls.settings', {}).then(setSettings, (err: unknown) => setError(toErrorData(err)));
  }, [client]);

  const save = async (patch: Partial<ToolCallSettings>) => {
    try {
      setSettings(await client.request('toolCalls.setSettings', patch));
      setError(null);
    } catch (err) {
      setError(toErrorData(err));
    }
  };

  if (!settings) return error ? <p className="field__error" role="alert">{errorText(error)}</p> : null;
  return (
    <section className="settings-section" aria-labelledby="settings-tool-calls" data-testid="tool-call-settings">
      <h3 id="settings-tool-calls">{t('toolCalls.settings.title')}</h3>
      <Toggle
        testId="tool-calls-ask"
        label={t('toolCalls.settings.ask')}
        checked={settings.approval === 'ask'}
        onChange={(ask) => void save({ approval: ask ? 'ask' : 'auto' })}
      />
      {settings.approval === 'auto' && <p className="field__error">{t('toolCalls.settings.autoWarning')}</p>}
      <Toggle
        testId="tool-calls-default"
        label={t('toolCalls.settings.enabledByDefault')}
        checked={settings.enabledByDefault}
        onChange={(on) => void save({ enabledByDefault: on })}
      />
      <NumberField key={`r${settings.maxRounds}`} name="maxRounds" value={settings.maxRounds} onSave={(v) => void save({ maxRounds: v })} />
      <NumberField key={`t${settings.timeoutSeconds}`} name="timeoutSeconds" value={settings.timeoutSeconds} onSave={(v) => void save({ timeoutSeconds: v })} />
      <NumberField key={`c${settings.resultCapBytes}`} name="resultCapKb" value={Math.round(settings.resultCapBytes / 1024)} onSave={(v) => void save({ resultCapBytes: v * 1024 })} />
      {error && (
        <p className="field__error" role="alert" data-testid="tool-call-settings-error">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}

/** A whole number in its range, saved on blur or Enter; out of range it says the range and is not saved. Keyed by the saved value, so a save resets it. */
function NumberField({ name, value, onSave }: { name: NumberKey; value: number; onSave: (value: number) => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const [text, setText] = useState(String(value));
  const n = Number(text);
  const range = RANGES[name];
  const valid = Number.isInteger(n) && n >= range.min && n <= range.max;
  const commit = () => {
    if (valid && n !== value) onSave(n);
  };
  return (
    <div className="field">
      <label className="field field--row">
        <span className="field__label">{t(`toolCalls.settings.${name}`)}</span>
        <input
          data-testid={`tool-calls-${name}`}
          inputMode="numeric"
          autoComplete="off"
          value={text}
          aria-invalid={!valid}
          aria-describedby={hintId}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      </label>
      <span id={hintId} className={valid ? 'field__hint' : 'field__error'}>
        {t('toolCalls.settings.range', range)}
      </span>
    </div>
  );
}
