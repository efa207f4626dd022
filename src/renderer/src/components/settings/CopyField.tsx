import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../markdown/copyText';

interface Props {
  label: string;
  value: string;
  testId: string;
  /** More buttons after Copy (e.g. "New token"). */
  children?: ReactNode;
}

/** A read-only value the user copies into another program. */
export function CopyField({ label, value, testId, children }: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <div className="field copy-field">
      <span className="field__label">{label}</span>
      <div className="copy-field__row">
        <input
          className="copy-field__value"
          data-testid={testId}
          aria-label={label}
          readOnly
          spellCheck={false}
          value={value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="button"
          data-testid={`${testId}-copy`}
          onClick={() => void copyText(value).then((ok) => setCopied(ok))}
        >
          {copied ? t('local.copied') : t('local.copy')}
        </button>
        {children}
      </div>
    </div>
  );
}
