interface ToggleProps {
  testId: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/** One settings switch: the label on the left, the checkbox on the right, the whole row clickable. */
export function Toggle({ testId, label, checked, disabled = false, onChange }: ToggleProps) {
  return (
    <label className="field field--row toggle-row">
      <span className="field__label">{label}</span>
      <input type="checkbox" data-testid={testId} checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
    </label>
  );
}
