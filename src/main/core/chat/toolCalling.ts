import { AppError } from '../../../shared/errors';
import {
  ALL_TOOL_SERVERS,
  choiceOffers,
  defaultToolChoice,
  type ConversationToolSelection,
  type ToolApprovalDecision,
  type ToolCallSettings,
  type ToolChoice,
} from '../../../shared/toolCalls';
import type { ToolServerSummary } from '../../../shared/contract';
import type { HistoryStore } from '../history';
import type { Provider } from '../providers';
import type { ToolHost } from '../tools';
import { ToolApprovals } from './toolApprovals';
import { ToolCallPreferences } from './toolCallPreferences';
import { toolLoop } from './toolLoop';
import type { ToolImageStore } from './toolImages';

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
    /** Where image results are kept (the attachment store); without it they stay inside the step. */
    private readonly images: ToolImageStore | null = null,
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
    if (chosen) return { conversationId, ...chosen, isDefault: false };
    return { conversationId, ...defaultToolChoice(this.settings().enabledByDefault), isDefault: true };
  }

  setSelection(conversationId: string, choice: ToolChoice | null): ConversationToolSelection {
    this.history.requireConversation(conversationId);
    this.history.toolSteps.setSelection(conversationId, choice);
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
    const choice = this.selection(conversationId);
    if (!host || !choice.on || choice.serverIds.length === 0) return provider;
    const selection = choice.serverIds.includes(ALL_TOOL_SERVERS) ? undefined : { serverIds: choice.serverIds };
    const context = { host, approvals: this.approvals, settings: this.settings(), conversationId, images: this.images };
    return {
      listModels: (signal) => provider.listModels(signal),
      stream: async function* (request, signal) {
        if (request.conversationId !== conversationId) return yield* provider.stream(request, signal);
        const listed = await host.listTools(selection).catch((err: unknown) => {
          throw AppError.from(err);
        });
        // The tools switched off for this conversation are never offered.
        const tools = listed.filter((t) => choiceOffers(choice, t.serverId, t.id));
        if (tools.length === 0) return yield* provider.stream(request, signal);
        yield* toolLoop(provider, request, { ...context, tools }, signal);
      },
    };
  }
}
