/**
 * A ToolHost over the official MCP SDK client, connected over stdio to real reference servers
 * (@modelcontextprotocol/server-everything, server-filesystem) — what the tool loop's tests run
 * against until the tools module's own manager is merged. Not a stand-in: real processes, real
 * protocol, real cancellation (aborting a call sends `notifications/cancelled`).
 */
import { createRequire } from 'node:module';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { ToolCallOptions, ToolCallResult, ToolDescriptor, ToolHost, ToolResultPart, ToolSelection } from '../../src/main/core/tools';

const require = createRequire(import.meta.url);

export interface StdioServer {
  id: string;
  name: string;
  args: string[];
}

/** server-everything's entry point, run with this Node. */
export const EVERYTHING: StdioServer = { id: 'everything', name: 'Everything', args: [require.resolve('@modelcontextprotocol/server-everything/dist/index.js'), 'stdio'] };

export function filesystemServer(folder: string): StdioServer {
  return { id: 'files', name: 'Files', args: [require.resolve('@modelcontextprotocol/server-filesystem/dist/index.js'), folder] };
}

export interface TestToolHost extends ToolHost {
  /** Every call's options as the loop passed them, for assertions on signals and timeouts. */
  readonly calls: { toolId: string; args: Record<string, unknown>; signal: AbortSignal }[];
  close(): Promise<void>;
}

export async function startMcpToolHost(servers: StdioServer[]): Promise<TestToolHost> {
  const clients = new Map<string, { server: StdioServer; client: Client }>();
  for (const server of servers) {
    const client = new Client({ name: 'brook-tests', version: '1.0.0' });
    // The SDK's default read buffer is 10 MB; server-filesystem sends a 5 MB file twice (text and structuredContent).
    await client.connect(new StdioClientTransport({ command: process.execPath, args: server.args, stderr: 'ignore', maxBufferSize: 64 * 1024 * 1024 }));
    clients.set(server.id, { server, client });
  }
  const always = new Set<string>();
  const calls: TestToolHost['calls'] = [];
  return {
    calls,
    async listTools(selection?: ToolSelection): Promise<ToolDescriptor[]> {
      const out: ToolDescriptor[] = [];
      for (const { server, client } of clients.values()) {
        if (selection && !selection.serverIds.includes(server.id)) continue;
        const { tools } = await client.listTools();
        for (const t of tools) {
          out.push({ id: `${server.id}/${t.name}`, serverId: server.id, serverName: server.name, name: t.name, description: t.description ?? '', inputSchema: t.inputSchema });
        }
      }
      return out;
    },
    async callTool(toolId: string, args: Record<string, unknown>, options: ToolCallOptions): Promise<ToolCallResult> {
      const slash = toolId.indexOf('/');
      const entry = clients.get(toolId.slice(0, slash));
      if (!entry) throw new Error(`no server for ${toolId}`);
      calls.push({ toolId, args, signal: options.signal });
      const result = await entry.client.callTool({ name: toolId.slice(slash + 1), arguments: args }, undefined, {
        signal: options.signal,
        timeout: options.timeoutMs > 0 ? options.timeoutMs : undefined,
        onprogress: options.onProgress ? (p) => options.onProgress!(p.progress, p.total, p.message) : undefined,
      });
      const content = Array.isArray(result.content) ? (result.content as Record<string, unknown>[]) : [];
      const parts = content.flatMap((c): ToolResultPart[] => {
        if (c.type === 'text' && typeof c.text === 'string') return [{ type: 'text', text: c.text }];
        if (c.type === 'image' && typeof c.data === 'string') return [{ type: 'image', mimeType: String(c.mimeType), data: c.data }];
        const resource = c.resource as Record<string, unknown> | undefined;
        if (c.type === 'resource' && resource && typeof resource.uri === 'string') {
          return [{ type: 'resource', uri: resource.uri, mimeType: typeof resource.mimeType === 'string' ? resource.mimeType : undefined, text: typeof resource.text === 'string' ? resource.text : undefined }];
        }
        return [];
      });
      return { parts, isError: result.isError === true };
    },
    isAlwaysAllowed: (toolId) => always.has(toolId),
    setAlwaysAllowed(toolId, allowed) {
      if (allowed) always.add(toolId);
      else always.delete(toolId);
      return Promise.resolve();
    },
    async close() {
      for (const { client } of clients.values()) await client.close();
    },
  };
}
