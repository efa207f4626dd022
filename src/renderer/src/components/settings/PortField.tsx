import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  testId: string;
  /** null: a free port is picked each time. */
  value: number | null;
  onSave: (port: number | null) => void;
}

/** A fixed port, or empty for any free one; saved on blur or Enter. */
export function PortField({ id, testId, value, onSave }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [invalid, setInvalid] = useState(false);

  const save = () => {
    const trimmed = text.trim();
    const port = trimmed === '' ? null : Number(trimmed);
    if (port !== null && (!Number.isInteger(port) || port < 1024 || port > 65535)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (port !== value) onSave(port);
  };

  return (
    <div className="field field--row local-port">
      <label className="field__label" htmlFor={id}>
        {t('local.port')}
      </label>
      <div className="local-port__input">
        <input
          id={id}
          data-testid={testId}
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('local.portAuto')}
          value={text}
          aria-invalid={invalid}
          onChange={(e) => {
            setText(e.target.value);
            if (invalid) setInvalid(false);
          }}
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              save();
            }
          }}
        />
        {invalid && (
          <span className="field__error" role="alert">
            {t('local.portInvalid')}
          </span>
        )}
      </div>
    </div>
  );
}
