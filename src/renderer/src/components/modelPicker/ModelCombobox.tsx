import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/context';
import type { ModelChoice } from '../../state/modelChoice';
import { ModelPopover } from './ModelPopover';
import { buildGroups } from './pickerList';

interface Props {
  value: ModelChoice;
  onChange: (choice: ModelChoice) => void;
  testId: string;
  /** The model writing the answer that is streaming now, when it is not simply `value`. */
  answering?: ModelChoice | null;
  /** Offers `providerId: null` under this label (e.g. "Same as the default provider"). */
  noneLabel?: string;
  className?: string;
  /** What the button is for (default "Model"), read out before the current model. */
  label?: string;
}

/**
 * The model picker: a button that names the provider and model, opening a searchable list
 * grouped by provider (the WAI-ARIA combobox pattern: the search field is the combobox, the
 * list its listbox). While an answer streams the button names the model answering it; a new
 * choice applies to the next answer and the tooltip says so.
 */
export function ModelCombobox({ value, onChange, testId, answering = null, noneLabel, className = '', label }: Props) {
  const { t } = useTranslation();
  const providers = useAppState((s) => s.providers);
  const [open, setOpen] = useState(false);
  const [initialQuery, setInitialQuery] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const popoverId = useId();

  const nameOf = (choice: ModelChoice) => {
    if (choice.providerId === null) return { provider: noneLabel ?? t('conversation.chooseModel'), model: null };
    const provider = providers.find((p) => p.id === choice.providerId);
    if (!provider) return { provider: t('conversation.chooseModel'), model: null };
    return { provider: provider.name, model: choice.model || provider.defaultModel || t('conversation.noModel') };
  };
  const chosen = nameOf(value);
  const shown = answering ? nameOf(answering) : chosen;
  const full = (n: { provider: string; model: string | null }) => (n.model ? `${n.provider} · ${n.model}` : n.provider);
  let tooltip = full(shown);
  if (answering) {
    const line = t('modelPicker.answering', { model: full(shown) });
    tooltip = full(shown) === full(chosen) ? line : t('modelPicker.nextAnswer', { answering: line, next: full(chosen) });
  }

  const openWith = (query: string) => {
    setInitialQuery(query);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openWith('');
    } else if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing on the closed picker starts a search with that letter.
      e.preventDefault();
      openWith(e.key);
    }
  };

  return (
    <div className={`model-combo ${className}`}>
      <button
        ref={button}
        type="button"
        className="model-combo__button"
        data-testid={testId}
        data-provider={shown.provider}
        data-model={shown.model ?? ''}
        data-answering={answering ? 'true' : undefined}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        aria-label={`${label ?? t('conversation.model')}: ${tooltip}`}
        title={tooltip}
        onClick={() => (open ? close(false) : openWith(''))}
        onKeyDown={onButtonKey}
      >
        {answering && <span className="model-combo__live" aria-hidden="true" />}
        <span className="model-combo__provider">{shown.provider}</span>
        {shown.model && <span className="model-combo__model">{shown.model}</span>}
        <span className="model-combo__chevron" aria-hidden="true" />
      </button>
      {open && (
        <ModelPopover
          id={popoverId}
          testId={testId}
          anchor={button}
          groups={buildGroups(providers, value, noneLabel)}
          providers={providers}
          value={value}
          initialQuery={initialQuery}
          onChoose={(choice) => {
            close(true);
            if (choice.providerId !== value.providerId || choice.model !== value.model) onChange(choice);
          }}
          onClose={close}
        />
      )}
    </div>
  );
}
