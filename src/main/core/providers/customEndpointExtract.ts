/**
 * Reading one frame of a custom endpoint's stream with the user's description: is it the end,
 * an error, and what text (and reasoning) it carries. Paths are JSONPath (jsonpath-rfc9535),
 * JSON pointer (RFC 6901, a few lines below) or '' for the whole data. Every failure names the
 * frame (1-based) and the path, so the user can fix the description from the message alone.
 */
import { query, type JsonValue } from 'jsonpath-rfc9535';
import type { CustomEndpoint } from '../../../shared/customEndpoint';
import { AppError } from '../../../shared/errors';
import { isRecord, parseJson, truncateDetail } from '../net';

type Extract = CustomEndpoint['extract'];

export interface FrameOutcome {
  text: string;
  reasoning: string;
  end: boolean;
}

type Lookup = { found: true; value: unknown } | { found: false };

/** The value at `path` in `json`; a JSONPath that matches several nodes takes the first. */
export function lookup(json: unknown, path: string): Lookup {
  if (path === '') return { found: true, value: json };
  if (path.startsWith('/')) return pointer(json, path);
  let nodes: JsonValue[];
  try {
    nodes = query(json as JsonValue, path);
  } catch (err) {
    throw new AppError('bad_request', {
      messageKey: 'customEndpoint.errors.badPath',
      params: { path },
      retryable: false,
      detail: `${path}: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  return nodes.length > 0 ? { found: true, value: nodes[0] } : { found: false };
}

/** RFC 6901: `/a/0/b`, with `~1` for `/` and `~0` for `~` inside a name. */
function pointer(json: unknown, path: string): Lookup {
  let node: unknown = json;
  for (const raw of path.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(key) && Number(key) < node.length) node = node[Number(key)];
    else if (isRecord(node) && Object.hasOwn(node, key)) node = node[key];
    else return { found: false };
  }
  return { found: true, value: node };
}

/** A found value as text: strings as they are, numbers and booleans written out, null as ''. */
function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** An error frame is the server's failure (worth a retry); a frame the description cannot read is not. */
function frameError(key: string, frame: number, detail: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('provider', { messageKey: `customEndpoint.errors.${key}`, params: { frame, ...params }, retryable: key === 'errorFrame', detail });
}

/** Interprets frames in order; one instance per answer. */
export class FrameInterpreter {
  constructor(private readonly extract: Extract) {}

  /** Throws an AppError for an error frame, a frame that is not JSON where a path needs JSON, or a text path that matches nothing. */
  read(data: string, frame: number): FrameOutcome {
    const { extract } = this;
    if (extract.end.kind === 'literal' && data.trim() === extract.end.value) return { text: '', reasoning: '', end: true };
    const json = this.needsJson() ? parseJson(data) : undefined;
    if (json !== undefined) this.checkError(json, frame);
    const end = json !== undefined && this.isEndFrame(json);
    const text = this.textOf(data, json, frame, end);
    const reasoning = extract.reasoning !== '' && json !== undefined ? this.optional(json, extract.reasoning) : '';
    return { text, reasoning, end };
  }

  private needsJson(): boolean {
    const { extract } = this;
    return extract.text !== '' || extract.reasoning !== '' || extract.error !== null || extract.end.kind === 'match';
  }

  private checkError(json: unknown, frame: number): void {
    const rule = this.extract.error;
    if (!rule) return;
    const at = lookup(json, rule.path);
    if (!at.found || at.value === null) return;
    const said = asText(at.value);
    if (rule.okValue !== '' && said === rule.okValue) return;
    const message = rule.messagePath === '' ? said : this.optional(json, rule.messagePath) || said;
    throw frameError('errorFrame', frame, truncateDetail(`Frame ${frame}: ${rule.path} = ${said}: ${message}`), { path: rule.path, message: truncateDetail(message, 200) });
  }

  private isEndFrame(json: unknown): boolean {
    const end = this.extract.end;
    if (end.kind !== 'match') return false;
    const at = lookup(json, end.path);
    return at.found && asText(at.value) === end.value;
  }

  private textOf(data: string, json: unknown, frame: number, end: boolean): string {
    const path = this.extract.text;
    // The whole data is the text, unless this frame is only the end signal.
    if (path === '') return end && this.extract.end.kind === 'match' ? '' : data;
    if (json === undefined) {
      throw frameError('malformedFrame', frame, `Frame ${frame} is not JSON, so ${path} cannot be read: ${truncateDetail(data, 200)}`, { path });
    }
    const at = lookup(json, path);
    if (at.found) return asText(at.value);
    if (end || this.extract.skipFramesWithoutText) return '';
    throw frameError('pathMissed', frame, `Frame ${frame}: ${path} matches nothing in ${truncateDetail(data, 200)}`, { path });
  }

  private optional(json: unknown, path: string): string {
    const at = lookup(json, path);
    return at.found ? asText(at.value) : '';
  }
}

/**
 * Turns "the whole answer so far" pieces into deltas: only what extends the text already
 * given is new. A piece that does not extend it (a server repeating itself or rewriting) adds
 * nothing, so no text is ever repeated.
 */
export class FullTextDeltas {
  private sofar = '';

  next(full: string): string {
    if (full.length <= this.sofar.length || !full.startsWith(this.sofar)) return '';
    const delta = full.slice(this.sofar.length);
    this.sofar = full;
    return delta;
  }
}
