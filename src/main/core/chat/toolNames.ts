import type { OfferedTool } from '../providers';
import type { ToolDescriptor } from '../tools';

const NAME_MAX = 64;

/**
 * Names as every provider accepts them (`[a-zA-Z0-9_-]{1,64}`): other characters become `_`,
 * long names are cut, and a clash (two servers with an `echo`) gets `_2`, `_3`, … The map leads
 * a call's name back to its tool.
 */
export function offeredTools(tools: readonly ToolDescriptor[]): { offered: OfferedTool[]; byName: Map<string, ToolDescriptor> } {
  const byName = new Map<string, ToolDescriptor>();
  const offered: OfferedTool[] = [];
  for (const tool of tools) {
    const base = tool.name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, NAME_MAX) || 'tool';
    let name = base;
    for (let n = 2; byName.has(name); n++) name = `${base.slice(0, NAME_MAX - String(n).length - 1)}_${n}`;
    byName.set(name, tool);
    offered.push({ name, description: tool.description, parameters: tool.inputSchema });
  }
  return { offered, byName };
}
