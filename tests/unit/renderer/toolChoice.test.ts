import { describe, expect, it } from 'vitest';
import type { ToolServerSummary } from '../../../src/shared/contract';
import { offeredToolCount, serverChosen, withServer, withTool } from '../../../src/renderer/src/state/toolChoice';

const tool = (server: string, name: string) => ({ id: `${server}/${name}`, name, description: '' });
const servers: ToolServerSummary[] = [
  { serverId: 'e', serverName: 'Everything', tools: [tool('e', 'echo'), tool('e', 'get-sum')] },
  { serverId: 'f', serverName: 'Files', tools: [tool('f', 'read_text_file')] },
];

describe('the Tools popover’s edits', () => {
  it('unticking one of all servers names the rest; ticking it back is "every server" again', () => {
    const all = { on: true, serverIds: ['*'], offToolIds: [] };
    const one = withServer(all, servers, 'f', false);
    expect(one).toEqual({ on: true, serverIds: ['e'], offToolIds: [] });
    expect(serverChosen(one, 'f')).toBe(false);
    expect(offeredToolCount(one, servers)).toBe(2);
    expect(withServer(one, servers, 'f', true).serverIds).toEqual(['*']);
  });

  it('ticking turns Tools on, unticking leaves the switch; a tool off is left out of the count', () => {
    const off = { on: false, serverIds: ['*'], offToolIds: [] };
    expect(offeredToolCount(off, servers)).toBe(0);
    expect(withServer(off, servers, 'e', false).on).toBe(false);
    const noSum = withTool(off, 'e/get-sum', false);
    expect(noSum).toEqual({ on: false, serverIds: ['*'], offToolIds: ['e/get-sum'] });
    const back = withTool(noSum, 'e/get-sum', true);
    expect(back).toEqual({ on: true, serverIds: ['*'], offToolIds: [] });
    expect(offeredToolCount({ ...noSum, on: true }, servers)).toBe(2);
  });
});
