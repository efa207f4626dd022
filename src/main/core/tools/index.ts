/**
 * tools: MCP servers (stdio, Streamable HTTP, HTTP+SSE fallback) and the ToolHost seam the
 * chat's tool loop calls through. See docs/mcp.md.
 */
export { McpServerManager, toolIdOf, type McpServerManagerOptions } from './McpServerManager';
export type { ToolCallOptions, ToolCallResult, ToolDescriptor, ToolHost, ToolResultPart, ToolSelection } from './toolHost';
