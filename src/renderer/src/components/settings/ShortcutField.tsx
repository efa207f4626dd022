import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAccelerator, recordAccelerator, type Platform } from '../../state/acceleratorRecorder';
import { useAppState, useController } from '../../state/context';

type Problem = 'needsModifier' | 'unsupportedKey';

function currentPlatform(): Platform {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'other';
}

/**
 * The global shortcut: focus the field and press the new combination. Esc cancels, Tab moves
 * on as usual. Below it: whether the operating system accepted the shortcut.
 */
export function ShortcutField({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const controller = useController();
  const shortcut = useAppState((s) => s.settings?.quickAsk.shortcut ?? '');
  const [recording, setRecording] = useState(false);
  const [held, setHeld] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const platform = currentPlatform();

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const bare = !e.ctrlKey && !e.metaKey && !e.altKey;
    if (e.key === 'Tab' && bare) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Escape' && bare && !e.shiftKey) {
      e.currentTarget.blur();
      return;
    }
    const result = recordAccelerator(e, platform);
    if (result.kind === 'pending') {
      setHeld(result.modifiers.length > 0 ? formatAccelerator(result.modifiers.join('+'), platform) + (platform === 'mac' ? '' : '+') : '');
    } else if (result.kind === 'invalid') {
      setProblem(result.reason);
    } else {
      setProblem(null);
      void controller.settings.updateSettings({ quickAsk: { shortcut: result.accelerator } });
      e.currentTarget.blur();
    }
  };

  return (
    <div className="field">
      <label className="field field--row shortcut-field">
        <span className="field__label">{t('settings.shortcut')}</span>
        <input
          className={recording ? 'shortcut-field__input is-recording' : 'shortcut-field__input'}
          data-testid="quick-shortcut-input"
          data-accelerator={shortcut}
          readOnly
          disabled={disabled}
          value={recording ? held : formatAccelerator(shortcut, platform)}
          placeholder={t('settings.shortcutRecording')}
          aria-describedby="quick-shortcut-status"
          aria-invalid={problem !== null}
          onFocus={() => {
            setRecording(true);
            setHeld('');
          }}
          onBlur={() => {
            setRecording(false);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(e) => {
            if (recording && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) setHeld('');
          }}
        />
      </label>
      {problem && (
        <span className="field__error" role="alert" data-testid="quick-shortcut-error">
          {problem === 'needsModifier' ? t('settings.shortcutNeedsModifier') : t('settings.shortcutUnsupportedKey')}
        </span>
      )}
      <ShortcutStatus />
    </div>
  );
}

/** What the desktop shell says about the shortcut; refusals are never silent. */
function ShortcutStatus() {
  const { t } = useTranslation();
  const status = useAppState((s) => s.desktop);
  const platform = currentPlatform();
  const shortcut = status?.shortcut;
  const state = !status?.available ? 'unavailable' : !shortcut ? 'unknown' : shortcut.registered ? 'registered' : 'refused';
  const name = shortcut ? formatAccelerator(shortcut.accelerator, platform) : '';
  return (
    <p
      id="quick-shortcut-status"
      className={state === 'refused' ? 'shortcut-status is-error' : 'shortcut-status'}
      data-testid="quick-shortcut-status"
      data-state={state}
      role={state === 'refused' ? 'alert' : 'status'}
    >
      {state === 'refused'
        ? t('settings.shortcutRefused', { shortcut: name })
        : state === 'registered'
          ? t('settings.shortcutActive', { shortcut: name })
          : state === 'unavailable'
            ? t('settings.desktopOnly')
            : ''}
    </p>
  );
}
