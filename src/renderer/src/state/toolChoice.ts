import type { ToolServerSummary } from '../../../shared/contract';
import { ALL_TOOL_SERVERS, choiceOffers, type ToolChoice } from '../../../shared/toolCalls';

/**
 * The Tools popover's edits of a conversation's choice, pure. A choice naming every listed
 * server is stored as "every enabled server", so a server added later comes on too; picking
 * something turns Tools on (the user is choosing tools to use), unpicking leaves the switch.
 */
export function serverChosen(choice: ToolChoice, serverId: string): boolean {
  return choice.serverIds.includes(ALL_TOOL_SERVERS) || choice.serverIds.includes(serverId);
}

export function withServer(choice: ToolChoice, servers: readonly ToolServerSummary[], serverId: string, chosen: boolean): ToolChoice {
  const ids = new Set(servers.filter((s) => serverChosen(choice, s.serverId)).map((s) => s.serverId));
  if (chosen) ids.add(serverId);
  else ids.delete(serverId);
  const all = servers.length > 0 && servers.every((s) => ids.has(s.serverId));
  return { on: chosen || choice.on, serverIds: all ? [ALL_TOOL_SERVERS] : [...ids], offToolIds: choice.offToolIds };
}

export function withTool(choice: ToolChoice, toolId: string, on: boolean): ToolChoice {
  const off = choice.offToolIds.filter((id) => id !== toolId);
  return { on: on || choice.on, serverIds: choice.serverIds, offToolIds: on ? off : [...off, toolId] };
}

/** How many of the listed tools the choice offers the model (0 when Tools are off). */
export function offeredToolCount(choice: ToolChoice, servers: readonly ToolServerSummary[]): number {
  return servers.reduce((n, s) => n + s.tools.filter((t) => choiceOffers(choice, s.serverId, t.id)).length, 0);
}
