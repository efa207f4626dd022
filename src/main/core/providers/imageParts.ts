/**
 * Images on the wire, one shape per protocol family, and what each family accepts. Kept beside
 * the providers so every provider file stays about its own stream.
 */
import type { ProviderKind } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { TurnImage } from '../base';
import type { ProviderRequest } from './provider';

export interface ImageLimits {
  /** Longest side in pixels the image is fitted inside before sending. */
  maxSide: number;
  /** Most bytes of one image as sent (before base64). */
  maxBytes: number;
}

const MB = 1024 * 1024;

/**
 * Per protocol family; null: the protocol has no image part (Spark's chat API, Qianfan v1, and
 * custom endpoints, whose templates carry text only).
 * - Anthropic: images over 1568 px on the long side are scaled down by the API anyway (and cost
 *   time); 5 MB per image as base64, so 3.7 MB before it.
 * - OpenAI: high detail fits the image in 2048 × 2048, then 768 px on the short side; 20 MB per
 *   image. Compatible servers (Qwen, GLM, Qianfan v2, Ollama, …) take smaller images well, so
 *   2048 px and 4 MB keep requests small.
 * - Gemini: inline data shares a 20 MB request; at most ten images of 1.4 MB (base64 adds a
 *   third) leave room for the text. 3072 px is the largest side Gemini reads without tiling.
 */
export const IMAGE_LIMITS: Record<ProviderKind, ImageLimits | null> = {
  'openai-compatible': { maxSide: 2048, maxBytes: 4 * MB },
  anthropic: { maxSide: 1568, maxBytes: Math.floor(3.7 * MB) },
  gemini: { maxSide: 3072, maxBytes: Math.floor(1.4 * MB) },
  spark: null,
  qianfan: null,
  custom: null,
};

/** The refusal a provider without image parts gives, before anything is sent. */
export function noVisionError(model: string): AppError {
  return new AppError('bad_request', { messageKey: 'attachmentErrors.noVision', params: { model }, retryable: false });
}

/** For providers whose protocol has no image part: never send a request that carries one. */
export function refuseImages(request: ProviderRequest): void {
  if (request.messages.some((m) => (m.images?.length ?? 0) > 0)) throw noVisionError(request.model);
}

/** OpenAI chat completions (and every compatible server): text part, then `image_url` parts with data URLs. */
export function openAiContent(text: string, images: readonly TurnImage[] | undefined): string | Record<string, unknown>[] {
  if (!images?.length) return text;
  return [
    ...(text === '' ? [] : [{ type: 'text', text }]),
    ...images.map((image) => ({ type: 'image_url', image_url: { url: `data:${image.mimeType};base64,${image.data}`, detail: 'auto' } })),
  ];
}

/** Anthropic Messages: `image` blocks with a base64 source, before the text (Anthropic's advice for best results). */
export function anthropicContent(text: string, images: readonly TurnImage[] | undefined): string | Record<string, unknown>[] {
  if (!images?.length) return text;
  return [
    ...images.map((image) => ({ type: 'image', source: { type: 'base64', media_type: image.mimeType, data: image.data } })),
    ...(text === '' ? [] : [{ type: 'text', text }]),
  ];
}

/** Gemini generateContent: `inline_data` parts, then the text part. */
export function geminiParts(text: string, images: readonly TurnImage[] | undefined): Record<string, unknown>[] {
  const inline = (images ?? []).map((image) => ({ inline_data: { mime_type: image.mimeType, data: image.data } }));
  return [...inline, ...(text === '' && inline.length > 0 ? [] : [{ text }])];
}
