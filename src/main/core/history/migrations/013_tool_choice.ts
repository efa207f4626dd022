import type { Migration } from './index';

/** The migration's number, in one place (assigned: 012 is token counts, 014 the zip import). */
export const TOOL_CHOICE_VERSION = 13;

/**
 * Which servers and tools a conversation offers (docs/mcp.md, "Per conversation"), beside
 * migration 11's `conversation_tools.server_ids_json`:
 * - `enabled`: the Tools switch, apart from the choice, so switching Tools off and on again
 *   keeps the servers picked. Migration 11 stored "off" as an empty server list; such rows
 *   become switched off with every server chosen, which is what switching on used to give.
 * - `off_tool_ids_json`: tools of the chosen servers switched off here (`serverId/toolName`);
 *   a list of the ones off, so a tool a server adds later comes on like its siblings.
 */
export const m013ToolChoice: Migration = {
  version: TOOL_CHOICE_VERSION,
  name: 'tool choice',
  up(db) {
    db.exec(`
      ALTER TABLE conversation_tools ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1));
      ALTER TABLE conversation_tools ADD COLUMN off_tool_ids_json TEXT NOT NULL DEFAULT '[]';
      UPDATE conversation_tools SET enabled = 0, server_ids_json = '["*"]' WHERE server_ids_json = '[]';
    `);
  },
};
