import type { ToolResultContent, ToolStep } from '../../../../shared/toolCalls';
import type { BrookAttachment } from './attachmentExport';

/**
 * An imported answer's tool steps, their image results pointed at the attachments the import
 * stored for the same files. A step names its image by the attachment id it had where it was
 * exported; the file says which file that id was (its sha256), and the import stored that file
 * under a new id. An image the file does not carry (or an older file that names no ids) is
 * left out of the step: it never points at an id that is not there, or at another row's file.
 */
export function importedToolSteps(
  steps: readonly ToolStep[],
  exported: readonly BrookAttachment[] | undefined,
  storedIdBySha256: ReadonlyMap<string, string>,
): ToolStep[] {
  const sha256ById = new Map((exported ?? []).flatMap((a) => (a.id ? [[a.id, a.sha256] as const] : [])));
  const stored = (part: ToolResultContent): ToolResultContent[] => {
    if (part.type !== 'attachment') return [part];
    const sha256 = sha256ById.get(part.attachmentId);
    const attachmentId = sha256 === undefined ? undefined : storedIdBySha256.get(sha256);
    return attachmentId === undefined ? [] : [{ ...part, attachmentId }];
  };
  return steps.map((step) => (step.result === null ? step : { ...step, result: step.result.flatMap(stored) }));
}
