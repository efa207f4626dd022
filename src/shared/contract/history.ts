import { z } from 'zod';
import type { BackupInfo, HistoryHealth, SearchPage } from '../domain';
import { empty, id, req } from './define';
import { MAX_SEARCH_CHARS } from './limits';
import { historyHealthSchema } from './payloads';

export const historySearchSchema = z.strictObject({
  query: z.string().max(MAX_SEARCH_CHARS),
  /** Inclusive range of message dates (ms since the epoch). */
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
  providerId: id.optional(),
  model: z.string().min(1).max(200).optional(),
  role: z.enum(['user', 'assistant']).optional(),
  includeReasoning: z.boolean().default(false),
  order: z.enum(['newest', 'ranked']).default('newest'),
  limit: z.number().int().min(1).max(100).default(30),
  cursor: z.string().max(100).nullable().optional(),
});
export type HistorySearchArgs = z.output<typeof historySearchSchema>;

export const historyRequests = {
  /** Full-text search over every message, newest first or ranked. */
  'history.search': req<SearchPage>()(historySearchSchema),
  /** Every model that answered in the history (the search dialog's model filter), sorted. */
  'history.models': req<string[]>()(empty),
  /** What the startup integrity check found. */
  'history.health': req<HistoryHealth>()(empty),
  /** A consistent copy of the database now (SQLite online backup) into the backups folder. */
  'history.backup': req<BackupInfo>()(empty),
  'history.backups': req<BackupInfo[]>()(empty),
  /** Replaces the history with a backup; the current one is backed up first. */
  'history.restore': req<null>()(z.strictObject({ name: z.string().min(1).max(300) })),
};

export const historyEvents = {
  /** The whole history was replaced from a backup: every window reloads. */
  'history.restored': z.object({ name: z.string() }),
  /** The background integrity check found damage after startup. */
  'history.health': historyHealthSchema,
};
