import type { Migration } from './index';

/** Quick asks are ordinary conversations, marked so the sidebar can filter them. */
export const m002ConversationOrigin: Migration = {
  version: 2,
  name: 'conversation origin',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN origin TEXT NOT NULL DEFAULT 'chat' CHECK (origin IN ('chat', 'quick'));
      CREATE INDEX conversations_origin ON conversations(origin, updated_at DESC);
    `);
  },
};
