import type { Attachment } from '../../../shared/attachments';
import type { CutDocument, Message } from '../../../shared/domain';
import { estimateTokens, type ChatTurnMessage } from '../base';
import type { AttachmentStore } from '../attachments';
import { IMAGE_LIMITS, noVisionError } from '../providers';
import type { ProviderKind } from '../../../shared/domain';

/** Tokens are rarely longer than this many characters: a prefix this long per token of room is sure to hold what fits. */
const MAX_CHARS_PER_TOKEN = 6;

/** What a turn needs from the attachment store: document text now, images (resized) just before sending. */
export type AttachmentSource = Pick<AttachmentStore, 'text' | 'resized'>;

/**
 * Refuses, before anything is saved or sent, images for a provider or model that cannot see them,
 * unless the user chose to leave them out (`leaveOut`, see planTurn's `withoutImages`).
 */
export function assertCanSeeImages(kind: ProviderKind, model: string, vision: boolean, attachments: readonly Attachment[], leaveOut = false): void {
  if (leaveOut || !attachments.some((a) => a.kind === 'image')) return;
  if (IMAGE_LIMITS[kind] === null || !vision) throw noVisionError(model);
}

/** The images anywhere in the branch that will be sent. */
export function imagesIn(path: readonly Pick<Message, 'role' | 'attachments'>[]): Attachment[] {
  return path.flatMap((m) => (m.role === 'user' ? (m.attachments ?? []).filter((a) => a.kind === 'image') : []));
}

/**
 * A document as the model reads it: delimited, named, and saying so when it was cut or had no
 * text, so the model never takes a part for the whole.
 */
export function documentBlock(attachment: Attachment, text: string, cut: { sentChars: number; totalChars: number } | null): string {
  const name = attachment.name.replace(/"/g, "'");
  if (attachment.extraction.state === 'no-text') {
    return `<document name="${name}">\n[Brook: this file has no text layer (a scanned PDF?); its text could not be read.]\n</document>`;
  }
  if (attachment.extraction.state === 'failed') return `<document name="${name}">\n[Brook: this file could not be read.]\n</document>`;
  const note = cut
    ? `\n[Brook: only the first ${cut.sentChars.toLocaleString('en')} of ${cut.totalChars.toLocaleString('en')} characters of ${name} fit in the model's context window; the rest was not sent.]`
    : '';
  return `<document name="${name}">\n${text}${note}\n</document>`;
}

/**
 * The user turns with their documents' text put before the typed text, and which turns carry
 * images (put in by `attachImages` just before sending). The newest question's
 * documents are fitted into `roomTokens` (what the window leaves after the system prompt, the
 * typed text and the answer's reserve): a document that does not fit is cut, and the cut is
 * both told to the model and returned, so the answer can show it. Older turns carry their
 * documents whole (fitContext drops old turns that no longer fit).
 */
export function withDocuments(
  turns: ChatTurnMessage[],
  path: readonly Pick<Message, 'role' | 'attachments'>[],
  source: AttachmentSource,
  roomTokens: number,
): { turns: ChatTurnMessage[]; cut: CutDocument[]; images: Map<ChatTurnMessage, Attachment[]> } {
  const cut: CutDocument[] = [];
  const images = new Map<ChatTurnMessage, Attachment[]>();
  const users = path.filter((m) => m.role === 'user');
  const newest = users.at(-1);
  let userIndex = 0;
  const out = turns.map((turn) => {
    if (turn.role !== 'user') return turn;
    const message = users[userIndex++];
    const documents = (message?.attachments ?? []).filter((a) => a.kind === 'document');
    const pictures = (message?.attachments ?? []).filter((a) => a.kind === 'image');
    if (!message || (documents.length === 0 && pictures.length === 0)) return turn;
    let room = message === newest ? roomTokens : Number.POSITIVE_INFINITY;
    const blocks = documents.map((document) => {
      const { text } = source.text(document.id);
      const whole = documentBlock(document, text, null);
      if (room === Number.POSITIVE_INFINITY) return whole;
      const fitted = fitDocument(document, text, room);
      room = Math.max(0, room - estimateTokens(fitted.block));
      if (fitted.sentChars < text.length) cut.push({ name: document.name, sentChars: fitted.sentChars, totalChars: text.length });
      return fitted.block;
    });
    const withText = { ...turn, content: [...blocks, turn.content].filter((part) => part !== '').join('\n\n') };
    if (pictures.length > 0) images.set(withText, pictures);
    return withText;
  });
  return { turns: out, cut, images };
}

function fitDocument(document: Attachment, text: string, room: number): { block: string; sentChars: number } {
  let chars = Math.min(text.length, Math.max(0, room) * MAX_CHARS_PER_TOKEN);
  for (let attempt = 0; attempt < 6; attempt++) {
    const cutInfo = chars < text.length ? { sentChars: chars, totalChars: text.length } : null;
    const block = documentBlock(document, text.slice(0, chars), cutInfo);
    const cost = estimateTokens(block);
    if (cost <= room || chars === 0) return { block, sentChars: chars };
    chars = Math.floor((chars * room) / cost * 0.95);
  }
  return { block: documentBlock(document, '', { sentChars: 0, totalChars: text.length }), sentChars: 0 };
}

/**
 * Puts the images of each user turn that will be sent, fitted to the provider's limits in a
 * worker, into the turns (`ChatTurnMessage.images`). The originals stay on disk as they were.
 */
export async function attachImages(
  sent: readonly ChatTurnMessage[],
  turnsWithImages: ReadonlyMap<ChatTurnMessage, Attachment[]>,
  kind: ProviderKind,
  source: AttachmentSource,
): Promise<void> {
  const limits = IMAGE_LIMITS[kind];
  if (!limits) return;
  for (const turn of sent) {
    const images = turnsWithImages.get(turn);
    if (!images?.length) continue;
    turn.images = await Promise.all(
      images.map(async (image) => {
        const resized = await source.resized(image.id, { maxSide: limits.maxSide, maxBytes: limits.maxBytes, keepAlpha: false });
        return { name: image.name, mimeType: resized.mime, data: resized.data };
      }),
    );
  }
}
