import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ToolServerSummary } from '../../../../shared/contract';
import { choiceOffers, type ToolChoice } from '../../../../shared/toolCalls';
import { serverChosen, withServer, withTool } from '../../state/toolChoice';

interface Props {
  id: string;
  servers: readonly ToolServerSummary[];
  choice: ToolChoice;
  /** The conversation follows the settings' default (nothing to reset). */
  isDefault: boolean;
  onChange(next: ToolChoice): void;
  /** Back to the settings' default; absent before the chat exists. */
  onReset?: () => void;
  onManage(): void;
  /** `refocus`: give focus back to the button that opened it (Escape), not when focus moved on. */
  onClose(refocus: boolean): void;
}

/**
 * Which servers and tools this conversation offers the model: a non-modal dialog under the
 * Tools button. A checkbox per enabled server and, behind a disclosure, one per tool. Escape
 * closes it and returns focus to its button; clicking or tabbing outside closes it too.
 */
export function ToolChoicePopover({ id, servers, choice, isDefault, onChange, onReset, onManage, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const root = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, []);

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      // The button that opened it (its parent holds both) toggles it itself.
      const owner = root.current?.parentElement;
      if (owner && e.target instanceof Node && !owner.contains(e.target)) onClose(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    onClose(true);
  };
  const toggleExpanded = (serverId: string) =>
    setExpanded((set) => {
      const next = new Set(set);
      if (next.has(serverId)) next.delete(serverId);
      else next.add(serverId);
      return next;
    });
  const anyChosen = servers.some((s) => serverChosen(choice, s.serverId));

  return (
    <div
      ref={root}
      id={id}
      role="dialog"
      aria-labelledby={titleId}
      className="tool-choice"
      data-testid="tool-choice"
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (e.relatedTarget instanceof Node && !root.current?.parentElement?.contains(e.relatedTarget)) onClose(false);
      }}
    >
      <h2 id={titleId} className="tool-choice__title">
        {t('toolCalls.choice.title')}
      </h2>
      <p className="tool-choice__hint" data-testid="tool-choice-hint">
        {!choice.on ? t('toolCalls.choice.offHint') : !anyChosen ? t('toolCalls.choice.noneHint') : t('toolCalls.choice.onHint')}
      </p>
      <ul className="tool-choice__servers">
        {servers.map((server) => {
          const chosen = serverChosen(choice, server.serverId);
          const on = server.tools.filter((tool) => !choice.offToolIds.includes(tool.id)).length;
          const open = expanded.has(server.serverId);
          const listId = `${id}-${server.serverId}`;
          return (
            <li key={server.serverId} className="tool-choice__server" data-testid="tool-choice-server" data-server={server.serverName}>
              <div className="tool-choice__row">
                <label className="tool-choice__check">
                  <input
                    type="checkbox"
                    data-testid="tool-choice-server-check"
                    checked={chosen}
                    onChange={(e) => onChange(withServer(choice, servers, server.serverId, e.target.checked))}
                  />
                  <span className="tool-choice__name">{server.serverName}</span>
                </label>
                <span className="tool-choice__count">
                  {chosen ? t('toolCalls.choice.toolCount', { on, count: server.tools.length }) : t('toolCalls.choice.toolTotal', { count: server.tools.length })}
                </span>
                <button
                  type="button"
                  className="tool-choice__expand"
                  data-testid="tool-choice-expand"
                  aria-expanded={open}
                  aria-controls={open ? listId : undefined}
                  aria-label={t(open ? 'toolCalls.choice.hideTools' : 'toolCalls.choice.showTools', { server: server.serverName })}
                  title={t(open ? 'toolCalls.choice.hideTools' : 'toolCalls.choice.showTools', { server: server.serverName })}
                  onClick={() => toggleExpanded(server.serverId)}
                >
                  <span className={`search-steps__chevron${open ? ' is-open' : ''}`} aria-hidden="true" />
                </button>
              </div>
              {open && (
                <ul id={listId} className="tool-choice__tools" aria-label={server.serverName}>
                  {server.tools.map((tool) => (
                    <li key={tool.id}>
                      <label className="tool-choice__check tool-choice__tool" title={tool.description}>
                        <input
                          type="checkbox"
                          data-testid="tool-choice-tool-check"
                          data-tool={tool.name}
                          disabled={!chosen}
                          checked={choiceOffers({ ...choice, on: true }, server.serverId, tool.id)}
                          onChange={(e) => onChange(withTool(choice, tool.id, e.target.checked))}
                        />
                        <code className="tool-choice__tool-name">{tool.name}</code>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      <div className="tool-choice__footer">
        {onReset && !isDefault && (
          <button type="button" className="link-button" data-testid="tool-choice-reset" onClick={onReset}>
            {t('toolCalls.choice.reset')}
          </button>
        )}
        <button type="button" className="link-button" data-testid="tool-choice-manage" onClick={onManage}>
          {t('toolCalls.choice.manage')}
        </button>
      </div>
    </div>
  );
}
