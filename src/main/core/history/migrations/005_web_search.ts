import type { Migration } from './index';

/**
 * Web search: per conversation, whether to search (NULL follows the default in settings);
 * per answer, the search steps and the sources it may cite, as one JSON document, so the
 * answer looks the same from history as it did live.
 */
export const m005WebSearch: Migration = {
  version: 5,
  name: 'web search',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN web_search INTEGER;
      ALTER TABLE messages ADD COLUMN web_search_json TEXT;
    `);
  },
};
