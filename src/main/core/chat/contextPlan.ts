import type { Attachment } from '../../../shared/attachments';
import type { CutDocument, ProviderKind } from '../../../shared/domain';
import { type ChatTurnMessage, type ContextPlan, estimateTokens, fitContext, textTokens } from '../base';
import type { ContextMessage, HistoryStore } from '../history';
import { withDocuments, type AttachmentSource } from './attachmentContext';
import { buildContext, sentInContext } from './buildContext';
import { imagesTokens } from './imageTokens';

/** The question a turn answers: typed now (send, edit) or already saved (retry, continue). */
export interface NewestTurn {
  content: string;
  attachments?: readonly Attachment[];
}

export interface TurnPlan extends ContextPlan {
  cutDocuments: CutDocument[];
  /** The turns that carry images, put in by `attachImages` just before sending. */
  images: Map<ChatTurnMessage, Attachment[]>;
  /** How many images of the turns sent were left out (`withoutImages`); recorded on the answer. */
  imagesLeftOut: number;
}

export interface PlanInput {
  system: string | null;
  contextWindow: number;
  /** Images are priced by the family that will see them (`imageTokens.ts`). */
  providerKind: ProviderKind;
  reserveForOutput: number;
  newest: NewestTurn;
  /** The message above the question (null: it starts the conversation). */
  olderFrom: string | null;
  /** Send without the images (the user allowed it for a model that cannot see them); they stay on the messages. */
  withoutImages?: boolean;
}

/**
 * A turn's context without reading or counting the whole branch: the messages above the question
 * are read newest first, each weighed by its stored count (migration 12; counted and stored the
 * first time a turn needs it), and reading stops at the first one the window cannot hold. What
 * fits is then planned exactly as before (`withDocuments`, `fitContext`). `read`: the older
 * messages read (their images are the ones that may be sent).
 */
export function planTurn(
  history: HistoryStore,
  attachments: AttachmentSource | null,
  input: PlanInput,
  log: (message: string) => void,
): { plan: TurnPlan | null; read: ContextMessage[] } {
  const { system, newest } = input;
  const budget = input.contextWindow - input.reserveForOutput;
  // What the system prompt and the typed text leave; the question's documents take their part of it later.
  const room = budget - (system ? estimateTokens(system) : 0) - estimateTokens(newest.content);
  const counted = new Map<string, number>();
  const costOf = (m: ContextMessage): number => {
    if (m.tokens !== null) return m.tokens;
    const tokens = textTokens(turnAlone(m, attachments));
    counted.set(m.id, tokens);
    return tokens;
  };

  const read: ContextMessage[] = [];
  let used = 0;
  let firstUnread: string | null = null;
  for (const m of history.context.newestFirst(input.olderFrom)) {
    if (sentInContext(m)) {
      const cost = costOf(m);
      if (used + cost > room) {
        firstUnread = m.id;
        break;
      }
      used += cost;
    }
    read.push(m);
  }
  read.reverse();
  try {
    history.context.storeTokens(counted);
  } catch (err) {
    // Only a cache: the next turn counts them again.
    log(`token counts not stored: ${String(err)}`);
  }

  const question = { role: 'user' as const, status: 'done' as const, content: newest.content, attachments: [...(newest.attachments ?? [])] };
  const path = [...read, question];
  let turns = buildContext(path);
  let attached: ReturnType<typeof withDocuments> = { turns, cut: [], images: new Map() };
  if (attachments) {
    attached = withDocuments(turns, path, attachments, room);
    turns = attached.turns;
  }
  // Left out: neither counted nor put in; only the count is kept, for the answer's note.
  const leftOut = input.withoutImages ? attached.images : new Map<ChatTurnMessage, Attachment[]>();
  const images = input.withoutImages ? new Map<ChatTurnMessage, Attachment[]>() : attached.images;
  for (const [turn, pictures] of images) turn.imageTokens = imagesTokens(input.providerKind, pictures);
  // buildContext keeps the messages sentInContext accepts, in order: older turn i is message i of these.
  const older = read.filter(sentInContext);
  const known = new Map<ChatTurnMessage, number>();
  turns.slice(0, -1).forEach((turn, i) => {
    const m = older[i]!;
    known.set(turn, m.tokens ?? counted.get(m.id)!);
  });
  const fitted = fitContext(system, turns, input, estimateTokens, (turn) => known.get(turn));
  if (!fitted) return { plan: null, read };
  const total = firstUnread ? branchTotal(history, read, firstUnread) : turns.length;
  const imagesLeftOut = fitted.messages.reduce((n, turn) => n + (leftOut.get(turn)?.length ?? 0), 0);
  return { plan: { ...fitted, total, cutDocuments: attached.cut, images, imagesLeftOut }, read };
}

/**
 * The window says "n of m messages sent", m counting the branch above what was read as well.
 * The newest answer read knows how many turns were above it when it was planned (its
 * `context.total`): counting on from there spares walking thousands of messages; a branch
 * without one (imported) is counted in SQL.
 */
function branchTotal(history: HistoryStore, read: readonly ContextMessage[], firstUnread: string): number {
  const at = read.findLastIndex((m) => m.branchTurns !== null);
  if (at < 0) return read.filter(sentInContext).length + 1 + history.context.turnsFrom(firstUnread);
  return read[at]!.branchTurns! + read.slice(at).filter(sentInContext).length + 1;
}

/** The message as an older turn reads it: its tool rounds, its documents whole. */
function turnAlone(m: ContextMessage, attachments: AttachmentSource | null): ChatTurnMessage {
  const turn = buildContext([m])[0]!;
  if (!attachments || m.role !== 'user' || !m.attachments?.length) return turn;
  return withDocuments([turn], [m], attachments, Number.POSITIVE_INFINITY).turns[0]!;
}
