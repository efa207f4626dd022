import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { conversationParamsSchema, type AssistantDraft } from '../../../shared/contract';
import type { Assistant } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { storageError } from './HistoryStore';

interface AssistantRow {
  id: string;
  name: string;
  params_json: string;
  created_at: number;
  updated_at: number;
}

/** Saved prompts ("assistants"), in the history database so they travel with it. */
export class AssistantStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = randomUUID,
  ) {}

  list(): Assistant[] {
    const rows = this.db.prepare('SELECT * FROM assistants ORDER BY name COLLATE NOCASE, created_at').all() as AssistantRow[];
    return rows.map(toAssistant);
  }

  get(id: string): Assistant | null {
    const row = this.db.prepare('SELECT * FROM assistants WHERE id = ?').get(id) as AssistantRow | undefined;
    return row ? toAssistant(row) : null;
  }

  require(id: string): Assistant {
    const a = this.get(id);
    if (!a) throw new AppError('not_found', { detail: `assistant ${id}` });
    return a;
  }

  save(id: string | undefined, draft: AssistantDraft): Assistant {
    const now = this.now();
    const params = JSON.stringify(draft.params);
    try {
      if (id) {
        this.require(id);
        this.db.prepare('UPDATE assistants SET name = ?, params_json = ?, updated_at = ? WHERE id = ?').run(draft.name, params, now, id);
        return this.require(id);
      }
      const newId = this.newId();
      this.db
        .prepare('INSERT INTO assistants (id, name, params_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(newId, draft.name, params, now, now);
      return this.require(newId);
    } catch (err) {
      throw storageError(err);
    }
  }

  remove(id: string): void {
    try {
      this.db.prepare('DELETE FROM assistants WHERE id = ?').run(id);
    } catch (err) {
      throw storageError(err);
    }
  }
}

function toAssistant(row: AssistantRow): Assistant {
  let params = {};
  try {
    const parsed = conversationParamsSchema.safeParse(JSON.parse(row.params_json));
    if (parsed.success) params = parsed.data;
  } catch {
    // a damaged row keeps its name and loses only its parameters
  }
  return { id: row.id, name: row.name, params, createdAt: row.created_at, updatedAt: row.updated_at };
}
