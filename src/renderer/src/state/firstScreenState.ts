import type { FirstScreenData } from '../../../shared/firstScreen';
import { sortConversations } from './listOps';
import type { AppState } from './store';

/** The state a window's first answers give it, from the core or from browser mode's copy of them. */
export function firstScreenState(d: FirstScreenData): Partial<AppState> {
  return {
    ready: true,
    info: d.info,
    settings: d.settings,
    providers: d.providers,
    desktop: d.desktop,
    conversations: sortConversations(d.conversations),
    health: d.health,
    notice: null,
  };
}
