import type { Handlers } from '../../../shared/contract';
import { FIRST_LIST_ROWS, type FirstScreenData } from '../../../shared/firstScreen';

/** The first screen as the window's first requests would get it, from the same handlers. */
export async function gatherFirstScreen(handlers: Handlers): Promise<FirstScreenData> {
  const [info, settings, providers, conversations, desktop, health] = await Promise.all([
    handlers['app.info']({}),
    handlers['settings.get']({}),
    handlers['providers.list']({}),
    handlers['conversations.list']({ limit: FIRST_LIST_ROWS }),
    handlers['desktop.status']({}),
    Promise.resolve(handlers['history.health']({})).catch(() => null),
  ]);
  return { info, settings, providers, conversations, desktop, health };
}
