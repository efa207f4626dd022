import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TOOL_CALL_LIMITS, type ToolCallSettings } from '../../../../shared/toolCalls';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';
import { RangedNumberField } from '../settings/RangedNumberField';
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
    // Shown at once (a switch must move when clicked); the core's answer then confirms or undoes it.
    const before = settings;
    setSettings((s) => (s ? { ...s, ...patch } : s));
    try {
      setSettings(await client.request('toolCalls.setSettings', patch));
      setError(null);
    } catch (err) {
      setSettings(before);
      setError(toErrorData(err));
    }
  };

  if (!settings) return error ? <p className="field__error" role="alert">{errorText(error)}</p> : null;
  const numbers: Record<NumberKey, number> = {
    maxRounds: settings.maxRounds,
    timeoutSeconds: settings.timeoutSeconds,
    resultCapKb: Math.round(settings.resultCapBytes / 1024),
  };
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
      {(['maxRounds', 'timeoutSeconds', 'resultCapKb'] as const).map((name) => (
        <RangedNumberField
          key={`${name}-${numbers[name]}`}
          testId={`tool-calls-${name}`}
          label={t(`toolCalls.settings.${name}`)}
          hint={t('toolCalls.settings.range', RANGES[name])}
          value={numbers[name]}
          range={RANGES[name]}
          onSave={(v) => void save(name === 'resultCapKb' ? { resultCapBytes: v * 1024 } : { [name]: v })}
        />
      ))}
      {error && (
        <p className="field__error" role="alert" data-testid="tool-call-settings-error">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}
