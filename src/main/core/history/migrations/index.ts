import type Database from 'better-sqlite3';
import { m001Initial } from './001_initial';
import { m002ConversationOrigin } from './002_conversation_origin';
import { m003ParamsAndContext } from './003_params_and_context';
import { m004FullTextSearch } from './004_full_text_search';
import { m005WebSearch } from './005_web_search';
import { m006ManageAndImport } from './006_manage_and_import';
import { m007ApiOrigin } from './007_api_origin';
import { m008SyncLog } from './008_sync_log';
import { m009ShortQueryPrefix } from './009_short_query_prefix';
import { m011ToolSteps } from './011_tool_steps';
import { m010Attachments } from './010_attachments';
import { m012TokenCounts } from './012_token_counts';
import { m013ToolChoice } from './013_tool_choice';

export interface Migration {
  /** Schema version after this migration; PRAGMA user_version holds the current one. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** In order; a migration is never edited once released, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  m001Initial,
  m002ConversationOrigin,
  m003ParamsAndContext,
  m004FullTextSearch,
  m005WebSearch,
  m006ManageAndImport,
  m007ApiOrigin,
  m008SyncLog,
  m009ShortQueryPrefix,
  m010Attachments,
  m011ToolSteps,
  m012TokenCounts,
  m013ToolChoice,
];
