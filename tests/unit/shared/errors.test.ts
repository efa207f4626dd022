import { describe, expect, it } from 'vitest';
import { AppError, isAppErrorData } from '../../../src/shared/errors';

describe('AppError', () => {
  it('round-trips through JSON with code, key, retryable and params', () => {
    const e = new AppError('rate_limit', { retryAfterMs: 3000, params: { seconds: 3 }, detail: 'slow down' });
    const wire = JSON.parse(JSON.stringify(e)) as unknown;
    expect(isAppErrorData(wire)).toBe(true);
    const back = AppError.fromJSON(wire as ReturnType<AppError['toJSON']>);
    expect(back).toBeInstanceOf(AppError);
    expect(back.toJSON()).toEqual({ code: 'rate_limit', messageKey: 'errors.rate_limit', retryable: true, retryAfterMs: 3000, params: { seconds: 3 }, detail: 'slow down' });
  });

  it('wraps unknown throwables as internal and keeps AppErrors as they are', () => {
    expect(AppError.from(new TypeError('x')).code).toBe('internal');
    const e = new AppError('auth');
    expect(AppError.from(e)).toBe(e);
    expect(e.retryable).toBe(false);
    expect(isAppErrorData({ code: 'nope', messageKey: 'x', retryable: true })).toBe(false);
  });
});
