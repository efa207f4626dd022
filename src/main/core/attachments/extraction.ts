import type Database from 'better-sqlite3';
import { ATTACHMENT_MAX_TEXT_CHARS, type Attachment, type DocumentFormat } from '../../../shared/attachments';
import { toAttachment, type AttachmentRow } from '../history';
import { runWorkerTask } from './worker';

/** Where extraction reports to (the event bus in the app). */
export interface ExtractionEvents {
  progress(attachmentId: string, done: number, total: number): void;
  updated(attachment: Attachment): void;
}

/** Progress is reported at most this often, so a 500-page PDF does not flood the windows. */
const PROGRESS_INTERVAL_MS = 200;

interface ExtractionJob {
  db: () => Database.Database;
  id: string;
  sha256: string;
  format: DocumentFormat;
  file: string;
  events: ExtractionEvents;
}

/**
 * Reads a document's text in a worker and stores it (indexed for search by migration 10's
 * triggers). The same file attached before is not read again: its text is copied. Text longer
 * than ATTACHMENT_MAX_TEXT_CHARS is cut and the row keeps both lengths, so the window can say so.
 */
export async function extractDocument(job: ExtractionJob): Promise<void> {
  const db = job.db;
  const known = db()
    .prepare(
      `SELECT a.pages, a.total_chars, a.extraction_state, t.text FROM attachments a JOIN attachment_texts t ON t.attachment_id = a.id
       WHERE a.sha256 = ? AND a.id <> ? AND a.extraction_state = 'done' LIMIT 1`,
    )
    .get(job.sha256, job.id) as { pages: number | null; total_chars: number; text: string } | undefined;
  if (known) {
    store(job, { text: known.text, pages: known.pages, totalChars: known.total_chars });
    return;
  }
  setState(job, 'running');
  let lastProgress = 0;
  try {
    const result = await runWorkerTask(job.format, job.file, null, (done, total) => {
      const now = Date.now();
      if (done < total && now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      job.events.progress(job.id, done, total);
    });
    store(job, { text: result.text, pages: result.pages, totalChars: result.text.length });
  } catch (err) {
    setState(job, 'failed');
    throw err;
  }
}

function store(job: ExtractionJob, result: { text: string; pages: number | null; totalChars: number }): void {
  const db = job.db();
  // A PDF of scanned pages has pages but no text layer: there is nothing to read, and the window says so.
  const empty = result.text.trim() === '';
  const kept = empty ? '' : cutText(result.text);
  db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM attachments WHERE id = ?').get(job.id)) return; // cleared meanwhile
    if (!empty) db.prepare('INSERT OR REPLACE INTO attachment_texts (attachment_id, text) VALUES (?, ?)').run(job.id, kept);
    db.prepare('UPDATE attachments SET extraction_state = ?, pages = ?, chars = ?, total_chars = ? WHERE id = ?').run(
      empty ? 'no-text' : 'done',
      result.pages,
      kept.length,
      empty ? 0 : result.totalChars,
      job.id,
    );
  })();
  emitUpdated(job);
}

/** Cuts at ATTACHMENT_MAX_TEXT_CHARS without splitting a surrogate pair. */
function cutText(text: string): string {
  if (text.length <= ATTACHMENT_MAX_TEXT_CHARS) return text;
  let end = ATTACHMENT_MAX_TEXT_CHARS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

function setState(job: ExtractionJob, state: 'running' | 'failed'): void {
  job.db().prepare('UPDATE attachments SET extraction_state = ? WHERE id = ?').run(state, job.id);
  emitUpdated(job);
}

function emitUpdated(job: ExtractionJob): void {
  const row = job.db().prepare('SELECT * FROM attachments WHERE id = ?').get(job.id) as AttachmentRow | undefined;
  if (row) job.events.updated(toAttachment(row));
}
