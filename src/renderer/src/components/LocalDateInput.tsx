import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayPattern, formatDay, parseDay } from '../state/localDates';

interface Props {
  /** yyyy-mm-dd, or '' for no date. */
  value: string;
  onChange: (iso: string) => void;
  label: string;
  testId: string;
}

/**
 * A day in Brook's language, not the system's: shown as "Dec 3, 2026" / "2026年12月3日", typed
 * in that language's forms (see `parseDay`), read when the field is left or Enter is pressed.
 * The calendar button opens the browser's picker; what it picks is shown in the same format.
 */
export function LocalDateInput({ value, onChange, label, testId }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [draft, setDraft] = useState<string | null>(null);
  // Marked only once the field is left with something that is not a day, not while typing.
  const [rejected, setRejected] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const invalid = rejected && draft !== null;

  const commit = () => {
    if (draft === null) return;
    const parsed = parseDay(language, draft);
    if (parsed === null) return setRejected(true); // stays as typed until it reads as a day
    setDraft(null);
    setRejected(false);
    if (parsed !== value) onChange(parsed);
  };

  return (
    <span className={`local-date${invalid ? ' is-invalid' : ''}`}>
      <input
        type="text"
        inputMode="text"
        className="local-date__text"
        data-testid={testId}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        placeholder={dayPattern(language, { year: t('dateInput.year'), month: t('dateInput.month'), day: t('dateInput.day') })}
        title={t('dateInput.hint', { example: formatDay(language, '2026-12-31') })}
        value={draft ?? formatDay(language, value)}
        size={12}
        onChange={(e) => {
          setDraft(e.target.value);
          setRejected(false);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape' && draft !== null) {
            // The first Escape drops the draft; only the next one closes a dialog around the field.
            e.preventDefault();
            e.stopPropagation();
            setDraft(null);
            setRejected(false);
          }
        }}
      />
      <button
        type="button"
        className="local-date__calendar"
        aria-label={t('dateInput.pick', { field: label })}
        title={t('dateInput.pick', { field: label })}
        onClick={() => picker.current?.showPicker()}
      >
        <svg className="local-date__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <rect x="2" y="3" width="12" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M2 7h12M5.5 1.5v3M10.5 1.5v3" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        className="local-date__native"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        onChange={(e) => {
          setDraft(null);
          setRejected(false);
          onChange(e.target.value);
        }}
      />
      {invalid && (
        <span id={errorId} className="local-date__error" role="alert" data-testid={`${testId}-invalid`}>
          {t('dateInput.invalid', { example: formatDay(language, '2026-12-31') })}
        </span>
      )}
    </span>
  );
}
