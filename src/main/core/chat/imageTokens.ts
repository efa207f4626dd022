import type { Attachment } from '../../../shared/attachments';
import type { ProviderKind } from '../../../shared/domain';
import { IMAGE_LIMITS } from '../providers';

/**
 * What an image costs in the context window, by each family's published approximation, for
 * the image as Brook sends it (downscaled to the provider's longest side first):
 * - OpenAI (and compatible servers; Brook sends `detail: auto`, budgeted as high): fit in
 *   2048×2048, shortest side to 768, then 85 + 170 per 512-px tile.
 * - Anthropic: width × height / 750, at most about 1,600 (larger images are scaled down).
 * - Gemini: 258 when both sides are at most 384 px, else 258 per 768×768 tile.
 * An image of unknown size costs the family's largest amount (the safe side for a budget).
 */
export function imageTokens(kind: ProviderKind, width: number | null, height: number | null): number {
  const maxSide = IMAGE_LIMITS[kind]?.maxSide ?? 2048;
  const known = width !== null && height !== null && width > 0 && height > 0;
  // Unknown: the shape that costs the family most (a square for tiles by area; OpenAI's 768 × 2048 keeps 8 tiles).
  const [w, h] = known ? fitInside(width, height, maxSide) : kind === 'anthropic' || kind === 'gemini' ? [maxSide, maxSide] : [768, 2048];
  if (kind === 'anthropic') return Math.min(ANTHROPIC_MAX, Math.ceil((w * h) / 750));
  if (kind === 'gemini') return w <= 384 && h <= 384 ? GEMINI_TILE : GEMINI_TILE * Math.ceil(w / 768) * Math.ceil(h / 768);
  return openAiTokens(w, h);
}

/** The images of one turn together. */
export function imagesTokens(kind: ProviderKind, images: readonly Pick<Attachment, 'width' | 'height'>[]): number {
  return images.reduce((sum, image) => sum + imageTokens(kind, image.width, image.height), 0);
}

const ANTHROPIC_MAX = 1600;
const GEMINI_TILE = 258;

function openAiTokens(width: number, height: number): number {
  let [w, h] = fitInside(width, height, 2048);
  const shortest = Math.min(w, h);
  if (shortest > 768) {
    w = Math.round((w * 768) / shortest);
    h = Math.round((h * 768) / shortest);
  }
  return 85 + 170 * Math.ceil(w / 512) * Math.ceil(h / 512);
}

/** The size after scaling down (never up) so the longest side is at most `maxSide`. */
function fitInside(width: number, height: number, maxSide: number): [number, number] {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}
