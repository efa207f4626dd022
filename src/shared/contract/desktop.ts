import { z } from 'zod';
import type { DesktopStatus } from '../domain';
import { empty, id, req } from './define';
import { desktopStatusSchema } from './payloads';

export const desktopRequests = {
  'desktop.status': req<DesktopStatus>()(empty),
  /** "Continue in Brook": shows the main window on this conversation (desktop only). */
  'desktop.openInMain': req<null>()(z.strictObject({ conversationId: id })),
  'desktop.hideQuickAsk': req<null>()(empty),
  /** A pinned quick-ask window stays open when it loses focus. */
  'desktop.setQuickAskPinned': req<null>()(z.strictObject({ pinned: z.boolean() })),
};

export const desktopEvents = {
  'desktop.statusChanged': desktopStatusSchema,
  /** The main window should show this conversation (after "Continue in Brook"). */
  'desktop.openConversation': z.object({ conversationId: z.string() }),
  /** The quick-ask window was just shown; `prefill` is clipboard text when that setting is on. */
  'desktop.quickAskShown': z.object({ prefill: z.string().nullable() }),
  /** A tray menu choice for the main window. */
  'desktop.command': z.object({ command: z.enum(['newChat', 'openSettings']) }),
};
