import type { Migration } from './index';

/**
 * Per-conversation model parameters (system prompt, temperature, …); per answer, how much of
 * the conversation was sent (so the UI can say when old turns were left out), why it ended
 * (`length` offers Continue) and how long the model thought.
 */
export const m003ParamsAndContext: Migration = {
  version: 3,
  name: 'conversation params and answer context',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN params_json TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE messages ADD COLUMN context_json TEXT;
      ALTER TABLE messages ADD COLUMN finish_reason TEXT;
      ALTER TABLE messages ADD COLUMN reasoning_ms INTEGER;
    `);
  },
};
