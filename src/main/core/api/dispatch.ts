import { requests, type Handlers, type RequestName, type Result } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { redactError } from '../base';

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}

/**
 * The single entry point for both transports: validates the name and the arguments against
 * the contract's schema, runs the handler, and returns errors as data.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawArgs: unknown,
  log: (message: string) => void = () => {},
): Promise<Result<unknown>> {
  if (!isRequestName(name)) {
    return { ok: false, error: new AppError('bad_request', { messageKey: 'errors.invalidArgs', detail: 'unknown request', retryable: false }).toJSON() };
  }
  const parsed = requests[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ');
    return { ok: false, error: new AppError('bad_request', { messageKey: 'errors.invalidArgs', detail, retryable: false }).toJSON() };
  }
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    const error = AppError.from(err);
    // Only the code and key are logged: arguments may hold keys or private text.
    if (error.code === 'internal') log(`request ${name} failed: ${error.code} ${error.messageKey} ${error.detail ?? ''}`);
    return { ok: false, error: redactError(error.toJSON()) };
  }
}
