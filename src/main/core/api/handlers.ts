import type { Handlers } from '../../../shared/contract';
import type { HandlerDeps } from './deps';
import { appHandlers } from './handlers/app';
import { assistantHandlers } from './handlers/assistants';
import { attachmentHandlers } from './handlers/attachments';
import { chatHandlers } from './handlers/chat';
import { conversationHandlers } from './handlers/conversations';
import { desktopHandlers } from './handlers/desktop';
import { historyHandlers } from './handlers/history';
import { localHandlers } from './handlers/local';
import { providerHandlers } from './handlers/providers';
import { customEndpointHandlers } from './handlers/customEndpoint';
import { mergeSettings, settingsHandlers } from './handlers/settings';
import { syncHandlers } from './handlers/sync';
import { transferHandlers } from './handlers/transfer';
import { updateHandlers } from './handlers/updates';
import { webSearchHandlers } from './handlers/webSearch';

export { mergeSettings };

/** Every request's handler, one file per area under ./handlers; the type makes the compiler demand each one. */
export function createHandlers(d: HandlerDeps): Handlers {
  return {
    ...appHandlers(d),
    ...settingsHandlers(d),
    ...providerHandlers(d),
    ...customEndpointHandlers(d),
    ...conversationHandlers(d),
    ...chatHandlers(d),
    ...localHandlers(d),
    ...assistantHandlers(d),
    ...transferHandlers(d),
    ...webSearchHandlers(d),
    ...historyHandlers(d),
    ...desktopHandlers(d),
    ...updateHandlers(d),
    ...syncHandlers(d),
    ...attachmentHandlers(d),
  };
}
