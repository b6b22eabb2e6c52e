import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '@zhenggai/domain';

/** A real calendar date written YYYY-MM-DD (2024-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isIsoDate', validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) } },
    options,
  );
}
