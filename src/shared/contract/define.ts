/** The building blocks every area of the contract uses. */
import { z } from 'zod';

/** Phantom-typed pairing of an argument schema with its result type. */
export interface RequestDef<A extends z.ZodType, R> {
  args: A;
  /** Never read at runtime; carries the result type. */
  result?: R;
}

export function req<R>() {
  return <A extends z.ZodType>(args: A): RequestDef<A, R> => ({ args });
}

export const id = z.string().min(1).max(100);

export const empty = z.strictObject({});

/** undefined keeps the stored secret, null or '' clears it, a string replaces it. */
export const secretField = z
  .string()
  .trim()
  .max(4096)
  // Printable ASCII only: anything else cannot go in an HTTP header or a signature.
  .regex(/^[\x21-\x7e]*$/, 'no spaces or special characters')
  .nullable()
  .optional();

/** An http(s) URL ('' allowed when `allowEmpty`); other protocols are refused with `message`. */
export function urlField(protocols: readonly string[], message: string, allowEmpty: boolean) {
  return z
    .string()
    .trim()
    .max(2048)
    .refine((value) => {
      if (value === '') return allowEmpty;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, message);
}

/**
 * An event payload's schema whose output is exactly `T` at the top level: the compiler refuses
 * one that misses a field (zod would drop it silently) or adds one.
 */
export function payload<T>() {
  return <S extends z.ZodType<T>>(
    schema: S & (Exclude<keyof T, keyof z.output<S>> extends never ? (Exclude<keyof z.output<S>, keyof T> extends never ? unknown : never) : never),
  ): z.ZodType<T> => schema;
}
