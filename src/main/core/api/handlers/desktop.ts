import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** What only the desktop shell can do (tray, shortcut, quick-ask window). */
export const desktopHandlers = (d: HandlerDeps) =>
  ({
    'desktop.status': () => d.desktop.status(),
    'desktop.openInMain': ({ conversationId }) => {
      d.history.requireConversation(conversationId);
      d.desktop.openInMain(conversationId);
      return null;
    },
    'desktop.hideQuickAsk': () => {
      d.desktop.hideQuickAsk();
      return null;
    },
    'desktop.setQuickAskPinned': ({ pinned }) => {
      d.desktop.setQuickAskPinned(pinned);
      return null;
    },
  }) satisfies Partial<Handlers>;
