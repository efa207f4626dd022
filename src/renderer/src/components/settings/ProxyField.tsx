import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';

interface Props {
  /** The saved proxy; null uses the environment's proxy variables. */
  value: string | null;
}

/** The proxy URL, saved on blur or Enter; the core checks it and its refusal shows under the field. */
export function ProxyField({ value }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const controller = useController();
  const [text, setText] = useState(value ?? '');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const next = text.trim() === '' ? null : text.trim();
    if (next === value && !error) return;
    setSaving(true);
    try {
      await controller.settings.saveSettings({ proxyUrl: next });
      setError(null);
      setText(next ?? '');
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor="settings-proxy-url">
        {t('settings.proxyUrl')}
      </label>
      <input
        id="settings-proxy-url"
        data-testid="proxy-url"
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        placeholder={t('settings.proxyPlaceholder')}
        value={text}
        aria-invalid={error !== null}
        aria-describedby="settings-proxy-url-note"
        readOnly={saving}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
      />
      {error ? (
        <span id="settings-proxy-url-note" className="field__error" role="alert" data-testid="proxy-url-error">
          {errorText(error)}
        </span>
      ) : (
        <span id="settings-proxy-url-note" className="field__hint">
          {t('settings.proxyHint')}
        </span>
      )}
    </div>
  );
}
