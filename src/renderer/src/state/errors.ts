import { AppError, type AppErrorData } from '../../../shared/errors';

/** Whatever was thrown, as the plain data the UI translates. */
export function toErrorData(err: unknown): AppErrorData {
  return AppError.from(err).toJSON();
}
