/**
 * The seam between the chat's tool loop (chat/) and whatever runs tools (MCP servers in this
 * module). The loop knows only this interface; the MCP server manager implements it, and tests
 * may implement it over a real MCP client.
 */

/** One tool as a model is offered it. `id` is unique across servers: `${serverId}/${name}`. */
export interface ToolDescriptor {
  id: string;
  serverId: string;
  /** The server's display name, for steps and approvals. */
  serverName: string;
  /** The tool's own name on its server. */
  name: string;
  description: string;
  /** The tool's JSON Schema for its arguments (MCP `inputSchema`), passed to providers as is. */
  inputSchema: Record<string, unknown>;
}

/** A part of a tool's result, as MCP returns it (text, image, embedded resource). */
export type ToolResultPart =
  | { type: 'text'; text: string }
  | { type: 'image'; mimeType: string; /** base64 */ data: string }
  | { type: 'resource'; uri: string; mimeType?: string; text?: string };

export interface ToolCallResult {
  parts: ToolResultPart[];
  /** The tool reported a failure (MCP `isError`); the text parts say why. */
  isError: boolean;
}

export interface ToolCallOptions {
  /** Aborting sends MCP's cancellation notification and rejects with the AbortError. */
  signal: AbortSignal;
  /** The call fails with a timeout AppError after this long; 0 = no limit. */
  timeoutMs: number;
  /** MCP progress notifications, when the server sends them. */
  onProgress?: (progress: number, total?: number, message?: string) => void;
}

/** Which servers and tools a conversation has switched on; undefined = the settings' defaults. */
export interface ToolSelection {
  /** Server ids switched on for this conversation. */
  serverIds: string[];
}

export interface ToolHost {
  /** The tools a model may be offered under `selection` (enabled servers and per-tool switches). Starts stdio servers lazily. */
  listTools(selection?: ToolSelection): Promise<ToolDescriptor[]>;
  /** Calls one tool. Throws AppError for transport failures; a tool's own failure is `isError`. */
  callTool(toolId: string, args: Record<string, unknown>, options: ToolCallOptions): Promise<ToolCallResult>;
  /** "Always allow" remembered per server and tool (revocable in Settings → Tools). */
  isAlwaysAllowed(toolId: string): boolean;
  setAlwaysAllowed(toolId: string, allowed: boolean): Promise<void>;
}
