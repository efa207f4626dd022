import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import type { McpServerView } from '../../../../shared/contract';
import { useController } from '../../state/context';

/** The MCP servers with their live state: asked for once, then kept current by `tools.changed`. */
export function useMcpServers(): [McpServerView[] | null, Dispatch<SetStateAction<McpServerView[] | null>>] {
  const { client } = useController();
  const [servers, setServers] = useState<McpServerView[] | null>(null);
  useEffect(() => {
    let live = true;
    void client.request('tools.listServers', {}).then(
      (list) => live && setServers(list),
      () => live && setServers([]),
    );
    const off = client.on('tools.changed', ({ servers: list }) => setServers(list));
    return () => {
      live = false;
      off();
    };
  }, [client]);
  return [servers, setServers];
}
