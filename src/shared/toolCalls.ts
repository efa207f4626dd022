/**
 * Tool calls as the user watches them: each call a model makes is a step of its answer
 * (waiting for approval, running, done, error, denied), sent live as `tool.step` events and
 * stored with the message, so the view from history is the live view. Pure types and reducers.
 */
import type { AppErrorData } from './errors';
import type { RoundThinking } from './roundThinking';

export type ToolStepStatus = 'waiting' | 'running' | 'done' | 'error' | 'denied' | 'stopped' | 'skipped';
/** How the call was allowed: `auto` (settings allow every call), `always` (remembered for the tool), `once`, or not (`denied`). */
export type ToolApproval = 'pending' | 'once' | 'always' | 'auto' | 'denied';
/** The user's answer in a waiting step. */
export type ToolApprovalDecision = 'once' | 'always' | 'deny';

/** A part of a tool's result as stored and shown (MCP's text, image and embedded resource). */
export type ToolResultContent =
  | { type: 'text'; text: string }
  | { type: 'image'; mimeType: string; /** base64 */ data: string }
  /** An image result stored in the attachment store (docs/mcp.md, "Image results"): shown from there, never carried as bytes. */
  | { type: 'attachment'; attachmentId: string; name: string; mimeType: string }
  | { type: 'resource'; uri: string; mimeType?: string; text?: string };

export interface ToolStepProgress {
  progress: number;
  total: number | null;
  message: string | null;
}

export interface ToolStep {
  /** Unique within the message; a step arrives again each time it changes (same id: replace it). */
  id: string;
  /** 1 for the model's first round of calls, 2 for the calls it made after seeing those results, … */
  round: number;
  /** How much answer text came before this round's calls: where the steps sit in the answer. */
  contentOffset: number;
  /** The call as the model made it: its id and the (sanitised) tool name it was offered. */
  callId: string;
  callName: string;
  /** The tool behind that name; empty when the model named a tool it was never offered. */
  toolId: string;
  serverName: string;
  tool: string;
  /** The arguments as the model wrote them (JSON text); shown as text, never as HTML. */
  arguments: string;
  /** On the first step of a round only: the thinking that goes back to the model with the round. */
  thinking?: RoundThinking;
  status: ToolStepStatus;
  approval: ToolApproval;
  startedAt: number | null;
  durationMs: number | null;
  progress: ToolStepProgress | null;
  /** The result as the tool returned it (text kept up to STORED_RESULT_TEXT_BYTES per part). */
  result: ToolResultContent[] | null;
  /** The tool reported a failure of its own (MCP `isError`). */
  isError: boolean;
  /** What went back to the model: the capped result, or why the call was denied or failed. */
  sentToModel: string;
  /** The result was cut to the size limit before it went to the model (`sentToModel` ends with a note). */
  capped: boolean;
  error: AppErrorData | null;
}

export interface ToolCallSettings {
  /** `ask`: every call waits for the user unless "Always allow" was chosen for its tool. */
  approval: 'ask' | 'auto';
  /** Rounds of calls one answer may make before Brook stops asking the tools. */
  maxRounds: number;
  /** A call that takes longer fails with a timeout, and the model is told. */
  timeoutSeconds: number;
  /** A result longer than this (UTF-8 bytes) is cut before it goes to the model. */
  resultCapBytes: number;
  /** New conversations start with Tools on (all enabled servers). */
  enabledByDefault: boolean;
}

export const DEFAULT_TOOL_CALL_SETTINGS: ToolCallSettings = {
  approval: 'ask',
  maxRounds: 8,
  timeoutSeconds: 60,
  resultCapBytes: 32 * 1024,
  enabledByDefault: false,
};

export const TOOL_CALL_LIMITS = {
  maxRounds: { min: 1, max: 50 },
  timeoutSeconds: { min: 1, max: 3600 },
  resultCapBytes: { min: 1024, max: 1024 * 1024 },
} as const;

/** Per part: a 5 MB result is not kept whole in the history or sent whole to windows. */
export const STORED_RESULT_TEXT_BYTES = 256 * 1024;

/** The finish reason of an answer whose model still wanted tools when the rounds ran out. */
export const MAX_TOOL_ROUNDS_FINISH = 'max_tool_rounds';

/** `serverIds` holding this: every enabled server, including ones added later. */
export const ALL_TOOL_SERVERS = '*';

/**
 * A conversation's Tools: the quick switch (`on`), and which servers and tools it offers when on.
 * Switching Tools off keeps the choice, so switching back on restores it.
 */
export interface ToolChoice {
  on: boolean;
  /** The servers offered (`['*']`: every enabled server). */
  serverIds: string[];
  /** Tools of those servers switched off for this conversation (`${serverId}/${toolName}`): new tools of a chosen server come on. */
  offToolIds: string[];
}

/** A conversation's tool choice as stored, or the settings' default when it made none. */
export interface ConversationToolSelection extends ToolChoice {
  conversationId: string;
  /** True when no choice was made for this conversation and the settings' default applies. */
  isDefault: boolean;
}

/** The choice a new conversation starts with: every enabled server, on when the settings say so. */
export function defaultToolChoice(enabledByDefault: boolean): ToolChoice {
  return { on: enabledByDefault, serverIds: [ALL_TOOL_SERVERS], offToolIds: [] };
}

/** Pure: whether `choice` offers a tool of `serverId` with `toolId` (tools off: none). */
export function choiceOffers(choice: ToolChoice, serverId: string, toolId: string): boolean {
  return choice.on && (choice.serverIds.includes(ALL_TOOL_SERVERS) || choice.serverIds.includes(serverId)) && !choice.offToolIds.includes(toolId);
}

/** Pure: a step replaces the one with its id, or is appended. */
export function withToolStep(steps: readonly ToolStep[] | null | undefined, step: ToolStep): ToolStep[] {
  const base = steps ?? [];
  const index = base.findIndex((s) => s.id === step.id);
  return index >= 0 ? base.map((s, i) => (i === index ? step : s)) : [...base, step];
}

/** The text of a result as search indexes it: its text parts and resource texts. */
export function toolResultText(steps: readonly ToolStep[]): string {
  return steps
    .flatMap((s) => (s.result ?? []).map((p) => (p.type === 'text' ? p.text : p.type === 'resource' ? (p.text ?? p.uri) : '')))
    .filter((t) => t !== '')
    .join('\n');
}
