import type { AppController } from './AppController';

/**
 * What a window hears from the core and the other windows: streams, conversations created,
 * changed or deleted anywhere, settings and desktop status, and (main window only) the shell
 * asking it to show a conversation or run a tray command. Returns the unsubscribe.
 */
export function subscribeWindowEvents(app: AppController): () => void {
  const { client: c, store } = app;
  const offs = [
    c.on('stream', (envelope) => app.chat.handleStream(envelope)),
    c.on('conversation.updated', (conversation) => app.conversationUpdated(conversation)),
    c.on('conversation.created', (conversation) => {
      if (app.role === 'main' || conversation.origin === app.origin) app.conversationUpdated(conversation);
    }),
    c.on('conversation.deleted', ({ id }) => app.forget(id)),
    c.on('settings.updated', (settings) => store.setState({ settings })),
    c.on('assistants.changed', ({ assistants }) => store.setState({ assistants })),
    c.on('conversations.imported', () => void app.reloadConversations()),
    c.on('desktop.statusChanged', (desktop) => store.setState({ desktop })),
    c.on('local.statusChanged', (local) => store.setState({ local })),
    c.on('history.restored', () => app.historyReplaced()),
    c.on('history.health', (health) => store.setState({ health })),
    c.on('attachments.progress', (progress) => app.attachments.handleProgress(progress)),
    c.on('attachments.updated', (attachment) => app.attachments.handleUpdated(attachment)),
    c.onConnectionChange(({ state, resync }) => {
      store.setState({ connection: state });
      if (state === 'open' && resync) void app.load();
    }),
  ];
  if (app.role === 'main') {
    offs.push(
      c.on('desktop.openConversation', ({ conversationId }) => app.openLinked(conversationId)),
      // Tray menu choices.
      c.on('desktop.command', ({ command }) => {
        if (command === 'openSettings') return app.openSettings();
        app.closeSettings();
        void app.newConversation();
      }),
    );
  }
  return () => offs.forEach((off) => off());
}
