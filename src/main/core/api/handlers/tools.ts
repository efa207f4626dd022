import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** Settings → Tools: the MCP servers, their switches and the mcpServers JSON import. */
export const toolHandlers = (d: HandlerDeps) =>
  ({
    'tools.listServers': () => d.tools.views(),
    'tools.saveServer': async ({ draft }) => await d.tools.save(draft),
    'tools.removeServer': async ({ id }) => await d.tools.remove(id),
    'tools.setServerEnabled': async ({ id, enabled }) => await d.tools.setServerEnabled(id, enabled),
    'tools.setToolEnabled': ({ serverId, tool, enabled }) => d.tools.setToolEnabled(serverId, tool, enabled),
    'tools.revokeAlwaysAllow': ({ serverId, tool }) => d.tools.revokeAlwaysAllow(serverId, tool),
    'tools.importJson': ({ json }) => d.tools.importJson(json),
    'tools.restartServer': ({ id }) => d.tools.restartServer(id),
  }) satisfies Partial<Handlers>;
