import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  text: string;
  /** The model is still reasoning (no answer text yet). */
  active: boolean;
  /** How long the model reasoned; null when the provider or an older message did not say. */
  durationMs?: number | null;
}

/**
 * The model's reasoning above the answer: open while it streams (so it can be read as it comes),
 * folded when the answer starts; the user can open or close it any time. Its body renders only when open.
 */
export function ThinkingBlock({ text, active, durationMs }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(active);
  const [wasActive, setWasActive] = useState(active);
  if (wasActive !== active) {
    setWasActive(active);
    setOpen(active);
  }
  return (
    <details className="thinking" data-testid="thinking" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className={active ? 'thinking__label is-active' : 'thinking__label'}>
          {active
            ? t('message.thinkingActive')
            : durationMs != null
              ? t('message.thoughtFor', { seconds: Math.max(1, Math.round(durationMs / 1000)) })
              : t('message.thinking')}
        </span>
      </summary>
      {open && <div className="thinking__body">{text}</div>}
    </details>
  );
}
