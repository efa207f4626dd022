import { useId, useState } from 'react';

interface RangedNumberFieldProps {
  testId: string;
  label: string;
  /** Shown under the field; red while the typed value is out of range. */
  hint: string;
  value: number;
  range: { min: number; max: number };
  onSave: (value: number) => void;
  /** The block's own class (for its styles), beside `field`. */
  className?: string;
}

/**
 * A whole number in its range, saved on blur or Enter; out of range it says the range and is
 * not saved. Give it a `key` of the saved value so a save from elsewhere resets what is typed.
 */
export function RangedNumberField({ testId, label, hint, value, range, onSave, className }: RangedNumberFieldProps) {
  const hintId = useId();
  const [text, setText] = useState(String(value));
  const n = Number(text);
  const valid = Number.isInteger(n) && n >= range.min && n <= range.max;
  const commit = () => {
    if (valid && n !== value) onSave(n);
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className={className ? `field field--row ${className}__row` : 'field field--row'}>
        <span className="field__label">{label}</span>
        <input
          data-testid={testId}
          className={className ? `${className}__input` : undefined}
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
