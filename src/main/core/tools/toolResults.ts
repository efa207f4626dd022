/**
 * An MCP `tools/call` result as the tool loop takes it: text, image and resource parts. Audio
 * and binary resources have no part of their own and become a short text note, so nothing a
 * server returns is silently dropped. Capping the size for the model is the caller's job.
 */
import type { ToolCallResult, ToolResultPart } from './toolHost';

interface RawResult {
  content?: unknown;
  structuredContent?: unknown;
  isError?: unknown;
  /** Servers from before 2024-11-05 answer with `toolResult`. */
  toolResult?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function partOf(item: unknown): ToolResultPart {
  if (!isRecord(item)) return { type: 'text', text: JSON.stringify(item) ?? '' };
  switch (item.type) {
    case 'text':
      return { type: 'text', text: str(item.text) ?? '' };
    case 'image':
      return { type: 'image', mimeType: str(item.mimeType) ?? 'application/octet-stream', data: str(item.data) ?? '' };
    case 'audio':
      return { type: 'text', text: `[audio ${str(item.mimeType) ?? ''}, ${(str(item.data) ?? '').length} base64 characters]` };
    case 'resource_link':
      return { type: 'resource', uri: str(item.uri) ?? '', mimeType: str(item.mimeType) };
    case 'resource': {
      const resource = isRecord(item.resource) ? item.resource : {};
      const text = str(resource.text) ?? (typeof resource.blob === 'string' ? `[binary, ${resource.blob.length} base64 characters]` : undefined);
      return { type: 'resource', uri: str(resource.uri) ?? '', mimeType: str(resource.mimeType), text };
    }
    default:
      return { type: 'text', text: JSON.stringify(item) };
  }
}

export function toToolResult(raw: RawResult): ToolCallResult {
  const isError = raw.isError === true;
  if (Array.isArray(raw.content) && raw.content.length > 0) return { parts: raw.content.map(partOf), isError };
  // Only structured output (or an old-style toolResult): the model gets it as JSON text.
  const value = raw.structuredContent ?? raw.toolResult;
  if (value !== undefined) return { parts: [{ type: 'text', text: JSON.stringify(value) }], isError };
  return { parts: [], isError };
}
