import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ToolServerSummary } from '../../../shared/contract';
import { defaultToolChoice, type ConversationToolSelection, type ToolChoice } from '../../../shared/toolCalls';
import { useController } from '../state/context';
import { toErrorData } from '../state/errors';
import { newChatTools } from '../state/newChatTools';
import { offeredToolCount } from '../state/toolChoice';
import { ToolChoicePopover } from './tools/ToolChoicePopover';

const choiceOf = (s: ConversationToolSelection): ToolChoice => ({ on: s.on, serverIds: s.serverIds, offToolIds: s.offToolIds });

/**
 * The conversation's Tools, beside Web search: the button switches them on and off; the arrow
 * beside it opens the choice of servers and tools (ToolChoicePopover). Switching off keeps the
 * choice. Before the chat exists both are held for its first message (newChatTools), starting
 * from the settings' default. With no server set up it says where to add one.
 */
export function ToolsToggle({ conversationId }: { conversationId: string | null }) {
  const { t } = useTranslation();
  const controller = useController();
  const popoverId = useId();
  const chooser = useRef<HTMLButtonElement>(null);
  const [servers, setServers] = useState<ToolServerSummary[] | null>(null);
  const [open, setOpen] = useState(false);
  // The saved choice of the conversation it was read for; a new chat's lives in newChatTools.
  const [saved, setSaved] = useState<{ conversationId: string; choice: ToolChoice; isDefault: boolean } | null>(null);
  // Mounted anew for each conversation (Composer keys it), so nothing of another chat lingers.
  const [pending, setPending] = useState(() => newChatTools.get());
  const [fallback, setFallback] = useState(() => defaultToolChoice(false));
  // Only the newest save's answer is taken: quick clicks may be answered out of order.
  const saves = useRef(0);

  // The servers to offer, again whenever Settings → Tools changes them.
  useEffect(() => {
    let live = true;
    const load = () =>
      controller.client
        .request('toolCalls.servers', {})
        .then((list) => live && setServers(list))
        .catch(() => live && setServers([]));
    void load();
    const off = controller.client.on('tools.changed', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [controller]);

  useEffect(() => {
    let live = true;
    if (conversationId === null) {
      // A new chat starts from the settings' default ("Tools on for new chats").
      controller.client
        .request('toolCalls.settings', {})
        .then((s) => live && setFallback(defaultToolChoice(s.enabledByDefault)))
        .catch(() => {});
    } else {
      controller.client
        .request('toolCalls.selection', { conversationId })
        .then((s) => live && setSaved({ conversationId, choice: choiceOf(s), isDefault: s.isDefault }))
        .catch(() => live && setSaved({ conversationId, choice: defaultToolChoice(false), isDefault: true }));
    }
    return () => {
      live = false;
    };
  }, [controller, conversationId]);

  const current = conversationId === null ? { choice: pending ?? fallback, isDefault: pending === null } : saved?.conversationId === conversationId ? saved : null;
  const choice = current?.choice ?? defaultToolChoice(false);

  const save = useCallback(
    async (next: ToolChoice | null) => {
      if (conversationId === null) {
        newChatTools.set(next);
        setPending(next);
        return;
      }
      const before = saved;
      const n = ++saves.current;
      if (next) setSaved({ conversationId, choice: next, isDefault: false });
      try {
        const stored = await controller.client.request('toolCalls.setSelection', { conversationId, choice: next });
        if (n === saves.current) setSaved({ conversationId, choice: choiceOf(stored), isDefault: stored.isDefault });
      } catch (err) {
        if (n === saves.current) setSaved(before);
        controller.store.setState({ notice: toErrorData(err) });
      }
    },
    [controller, conversationId, saved],
  );
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) chooser.current?.focus();
  }, []);

  const count = servers?.length ?? 0;
  if (servers !== null && count === 0 && !choice.on) {
    return (
      <button type="button" className="web-search-toggle" data-testid="tools-toggle" aria-pressed={false} disabled title={t('toolCalls.noServers')}>
        <span className="web-search-toggle__label">{t('toolCalls.toggle')}</span>
      </button>
    );
  }
  const offered = offeredToolCount(choice, servers ?? []);
  const on = choice.on;
  return (
    <span className={`tools-control${on ? ' is-on' : ''}`}>
      <button
        type="button"
        className={`web-search-toggle tools-control__switch${on ? ' is-on' : ''}`}
        data-testid="tools-toggle"
        aria-pressed={on}
        title={on ? t('toolCalls.toggleOnTools', { count: offered }) : t('toolCalls.toggleOff')}
        onClick={() => void save({ ...choice, on: !on })}
      >
        <span className="tools-toggle__icon" aria-hidden="true">
          ⚒
        </span>
        <span className="web-search-toggle__label">{t('toolCalls.toggle')}</span>
        {on && servers !== null && (
          <span className="tools-control__count" data-testid="tools-offered">
            {offered}
          </span>
        )}
      </button>
      <button
        ref={chooser}
        type="button"
        className={`web-search-toggle tools-control__choose${on ? ' is-on' : ''}`}
        data-testid="tools-choose"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        aria-label={t('toolCalls.choice.open')}
        title={t('toolCalls.choice.open')}
        disabled={servers === null}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="tools-control__caret" aria-hidden="true" />
      </button>
      {open && servers !== null && (
        <ToolChoicePopover
          id={popoverId}
          servers={servers}
          choice={choice}
          isDefault={current?.isDefault ?? true}
          onChange={(next) => void save(next)}
          onReset={conversationId === null ? undefined : () => void save(null)}
          onManage={() => {
            setOpen(false);
            controller.openSettings('tools');
          }}
          onClose={close}
        />
      )}
    </span>
  );
}
