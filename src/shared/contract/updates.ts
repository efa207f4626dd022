import { z } from 'zod';
import { empty, payload, req } from './define';

/** Why this copy of Brook cannot update itself (the panel explains each one). */
export const UPDATE_UNSUPPORTED_REASONS = ['browser', 'development', 'portable', 'packageManager'] as const;
export type UpdateUnsupportedReason = (typeof UPDATE_UNSUPPORTED_REASONS)[number];

/** The quiet, translated failures: never a crash, never a dialog. */
export const UPDATE_ERRORS = ['unreachable', 'notFound', 'corrupt', 'signature', 'unknown'] as const;
export type UpdateErrorCode = (typeof UPDATE_ERRORS)[number];

export const UPDATE_PHASES = ['idle', 'checking', 'upToDate', 'downloading', 'ready', 'error'] as const;
export type UpdatePhase = (typeof UPDATE_PHASES)[number];

export const updateStatusSchema = z.object({
  currentVersion: z.string(),
  /** False where updates cannot apply; `unsupportedReason` says why. */
  supported: z.boolean(),
  unsupportedReason: z.enum(UPDATE_UNSUPPORTED_REASONS).nullable(),
  /** Check on start and every few hours (the setting). */
  autoCheck: z.boolean(),
  phase: z.enum(UPDATE_PHASES),
  /** The newer version found (downloading or ready), with its notes as plain text or HTML from the release. */
  version: z.string().nullable(),
  releaseNotes: z.string().nullable(),
  releaseDate: z.string().nullable(),
  /** 0–100 while downloading. */
  percent: z.number().min(0).max(100).nullable(),
  /** Restart was asked while an answer streamed: the update installs when Brook quits. */
  installOnQuit: z.boolean(),
  error: z.enum(UPDATE_ERRORS).nullable(),
  /** When the last check finished (ms since epoch). */
  checkedAt: z.number().nullable(),
});
export type UpdateStatus = z.output<typeof updateStatusSchema>;

export type UpdateRestartOutcome = 'restarting' | 'deferred' | 'notReady';

export const updateRequests = {
  'updates.status': req<UpdateStatus>()(empty),
  'updates.check': req<UpdateStatus>()(empty),
  'updates.setAutoCheck': req<UpdateStatus>()(z.object({ enabled: z.boolean() })),
  /** "Restart to update": restarts now, or installs on quit when an answer is streaming. */
  'updates.restart': req<{ outcome: UpdateRestartOutcome; status: UpdateStatus }>()(empty),
};

export const updateEvents = {
  'updates.status': payload<UpdateStatus>()(updateStatusSchema),
};
