import { AppError } from '../../../shared/errors';
import type { ConversationToolSelection, ToolApprovalDecision, ToolCallSettings } from '../../../shared/toolCalls';
import type { ToolServerSummary } from '../../../shared/contract';
import type { HistoryStore } from '../history';
import type { Provider } from '../providers';
import type { ToolHost } from '../tools';
import { ToolApprovals } from './toolApprovals';
import { ToolCallPreferences } from './toolCallPreferences';
import { toolLoop } from './toolLoop';

/**
 * Tool calling for the chat: which conversations offer tools (their selection, or the
 * settings' default), the settings, the approvals, and the provider wrapper that runs the loop.
 * Without a ToolHost (no tools module yet) no conversation offers tools.
 */
export class ToolCalling {
  readonly approvals = new ToolApprovals();
  readonly preferences: ToolCallPreferences;

  constructor(
    private readonly history: HistoryStore,
    private readonly host: ToolHost | null,
    settingsFile: string | null,
  ) {
    this.preferences = new ToolCallPreferences(settingsFile);
  }

  settings(): ToolCallSettings {
    return this.preferences.get();
  }

  setSettings(patch: Partial<ToolCallSettings>): ToolCallSettings {
    return this.preferences.set(patch);
  }

  approve(conversationId: string, stepId: string, decision: ToolApprovalDecision): null {
    this.approvals.decide(conversationId, stepId, decision);
    return null;
  }

  /** The servers that have tools, as the host lists them under the settings' defaults. */
  async servers(): Promise<ToolServerSummary[]> {
    if (!this.host) return [];
    const byServer = new Map<string, ToolServerSummary>();
    for (const t of await this.host.listTools()) {
      const server = byServer.get(t.serverId) ?? { serverId: t.serverId, serverName: t.serverName, tools: [] };
      server.tools.push({ id: t.id, name: t.name, description: t.description });
      byServer.set(t.serverId, server);
    }
    return [...byServer.values()];
  }

  selection(conversationId: string): ConversationToolSelection {
    this.history.requireConversation(conversationId);
    const chosen = this.history.toolSteps.selection(conversationId);
    if (chosen) return { conversationId, serverIds: chosen, isDefault: false };
    return { conversationId, serverIds: this.settings().enabledByDefault ? ['*'] : [], isDefault: true };
  }

  setSelection(conversationId: string, serverIds: readonly string[] | null): ConversationToolSelection {
    this.history.requireConversation(conversationId);
    this.history.toolSteps.setSelection(conversationId, serverIds);
    return this.selection(conversationId);
  }

  /**
   * The provider an answer in `conversationId` streams from: itself when Tools are off, else a
   * wrapper that offers the selected tools and runs the loop. Only requests for this
   * conversation's answer get tools; helper calls (web search's query writing) carry no
   * conversation and pass straight through.
   */
  providerFor(conversationId: string, provider: Provider): Provider {
    const host = this.host;
    const { serverIds } = this.selection(conversationId);
    if (!host || serverIds.length === 0) return provider;
    const selection = serverIds.includes('*') ? undefined : { serverIds };
    const context = { host, approvals: this.approvals, settings: this.settings(), conversationId };
    return {
      listModels: (signal) => provider.listModels(signal),
      stream: async function* (request, signal) {
        if (request.conversationId !== conversationId) return yield* provider.stream(request, signal);
        const tools = await host.listTools(selection).catch((err: unknown) => {
          throw AppError.from(err);
        });
        if (tools.length === 0) return yield* provider.stream(request, signal);
        yield* toolLoop(provider, request, { ...context, tools }, signal);
      },
    };
  }
}
