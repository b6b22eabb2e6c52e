import { ValidateBy, type ValidationOptions } from 'class-validator';

// C0 controls other than tab and line breaks, DEL, C1 controls, and the bidirectional overrides that can make a
// text read differently from what is stored (Trojan Source). NUL is already refused at the edge by the input guard.
// eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
const MULTILINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** No control characters; `multiline` admits tab and line breaks. Named so the validation pipe speaks Chinese. */
export function NoControlCharacters(options?: ValidationOptions & { multiline?: boolean }): PropertyDecorator {
  const forbidden = options?.multiline ? MULTILINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN;
  return ValidateBy(
    {
      name: 'noControlCharacters',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !forbidden.test(value),
      },
    },
    options,
  );
}

/** Trims strings; other values pass unchanged for the type checks to refuse. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
