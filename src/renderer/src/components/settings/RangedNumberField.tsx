import { useId, useState } from 'react';

interface RangedNumberFieldProps {
  testId: string;
  label: string;
  /** Shown under the field; red while the typed value is out of range. */
  hint: string;
  value: number;
  range: { min: number; max: number };
  onSave: (value: number) => void;
}

/**
 * A whole number in its range, saved on blur or Enter; out of range it says the range and is
 * not saved. Give it a `key` of the saved value so a save from elsewhere resets what is typed.
 */
export function RangedNumberField({ testId, label, hint, value, range, onSave }: RangedNumberFieldProps) {
  const hintId = useId();
  const [text, setText] = useState(String(value));
  const n = Number(text);
  const valid = Number.isInteger(n) && n >= range.min && n <= range.max;
  const commit = () => {
    if (valid && n !== value) onSave(n);
  };
  return (
    <div className="field ranged-number">
      <label className="field field--row ranged-number__row">
        <span className="field__label">{label}</span>
        <input
          data-testid={testId}
          className="ranged-number__input"
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
        {hint}
      </span>
    </div>
  );
}
