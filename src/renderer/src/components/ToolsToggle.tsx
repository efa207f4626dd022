import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ToolServerSummary } from '../../../shared/contract';
import { useController } from '../state/context';
import { toErrorData } from '../state/errors';
import { newChatTools } from '../state/newChatTools';

/**
 * The conversation's Tools switch, beside Web search: on offers the model the tools of every
 * enabled MCP server (Settings → Tools), each call asking first. Before the chat exists it holds
 * the choice for the first message. With no server set up it says where to add one.
 */
export function ToolsToggle({ conversationId }: { conversationId: string | null }) {
  const { t } = useTranslation();
  const controller = useController();
  const [servers, setServers] = useState<ToolServerSummary[] | null>(null);
  // The saved selection of the conversation it was read for; a new chat's choice lives in newChatTools.
  const [saved, setSaved] = useState<{ conversationId: string; on: boolean } | null>(null);
  const [pending, setPending] = useState(() => newChatTools.get() ?? false);
  const on = conversationId === null ? pending : saved?.conversationId === conversationId && saved.on;
  const setOn = (value: boolean) => (conversationId === null ? setPending(value) : setSaved({ conversationId, on: value }));

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
    if (conversationId === null) return;
    controller.client
      .request('toolCalls.selection', { conversationId })
      .then((s) => live && setSaved({ conversationId, on: s.serverIds.length > 0 }))
      .catch(() => live && setSaved({ conversationId, on: false }));
    return () => {
      live = false;
    };
  }, [controller, conversationId]);

  const count = servers?.length ?? 0;
  if (servers !== null && count === 0 && !on) {
    return (
      <button type="button" className="web-search-toggle" data-testid="tools-toggle" aria-pressed={false} disabled title={t('toolCalls.noServers')}>
        <span className="web-search-toggle__label">{t('toolCalls.toggle')}</span>
      </button>
    );
  }
  const toggle = async () => {
    const next = !on;
    setOn(next);
    if (conversationId === null) {
      newChatTools.set(next);
      return;
    }
    try {
      const saved = await controller.client.request('toolCalls.setSelection', { conversationId, serverIds: next ? ['*'] : [] });
      setOn(saved.serverIds.length > 0);
    } catch (err) {
      setOn(!next);
      controller.store.setState({ notice: toErrorData(err) });
    }
  };
  return (
    <button
      type="button"
      className={`web-search-toggle${on ? ' is-on' : ''}`}
      data-testid="tools-toggle"
      aria-pressed={on}
      title={on ? t('toolCalls.toggleOn', { count }) : t('toolCalls.toggleOff')}
      onClick={() => void toggle()}
    >
      <span className="tools-toggle__icon" aria-hidden="true">
        ⚒
      </span>
      <span className="web-search-toggle__label">{t('toolCalls.toggle')}</span>
    </button>
  );
}
