import { useState } from 'react';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import { toErrorData } from '../../state/errors';

interface Props {
  id: string;
  testId: string;
  label: string;
  placeholder: string;
  hint: string;
  /** The saved address; '' when none. */
  value: string;
  /** Saves the trimmed text; the core checks it, and its refusal shows under the field. */
  save(text: string): Promise<unknown>;
}

/** An address setting (the proxy, a SearXNG instance), saved on blur or Enter. */
export function UrlField({ id, testId, label, placeholder, hint, value, save }: Props) {
  const errorText = useErrorText();
  const [text, setText] = useState(value);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [saving, setSaving] = useState(false);

  const commit = async () => {
    const next = text.trim();
    if (next === value && !error) return;
    setSaving(true);
    try {
      await save(next);
      setError(null);
      setText(next);
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        data-testid={testId}
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={`${id}-note`}
        readOnly={saving}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit();
          }
        }}
      />
      {error ? (
        <span id={`${id}-note`} className="field__error" role="alert" data-testid={`${testId}-error`}>
          {errorText(error)}
        </span>
      ) : (
        <span id={`${id}-note`} className="field__hint">
          {hint}
        </span>
      )}
    </div>
  );
}
