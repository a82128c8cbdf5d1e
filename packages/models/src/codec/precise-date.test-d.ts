import { expectTypeOf, it } from 'vitest';
import { decode, PreciseDate } from '../index.js';

it('keeps Date as the public type of a date-time, a PreciseDate being one, made from text', () => {
  const session = decode('CloudFailoverSession', '');
  expectTypeOf(session.CreationTimeUTC).toEqualTypeOf<Date>();
  expectTypeOf<PreciseDate>().toExtend<Date>();
  expectTypeOf(PreciseDate.fromText).returns.toEqualTypeOf<PreciseDate | undefined>();
  expectTypeOf(PreciseDate.instantKey).parameter(0).toEqualTypeOf<Date>();
});
