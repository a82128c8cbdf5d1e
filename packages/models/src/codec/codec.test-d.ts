import { describe, expectTypeOf, it } from 'vitest';
import { decode, encode, validate, type CloudFailoverSession, type EntityReferences, type OperationTypes, type SessionResult } from '../index.js';

describe('codec types', () => {
  it('decode returns the model of the type named', () => {
    expectTypeOf(decode('EntityReferences', '')).toEqualTypeOf<EntityReferences>();
    expectTypeOf(decode('CloudFailoverSession', '').Result).toEqualTypeOf<SessionResult>();
    expectTypeOf(decode('CloudFailoverSession', '').EndTimeUTC).toEqualTypeOf<Date | undefined>();
    expectTypeOf(decode('EntityReferences', '').Ref[0]).toEqualTypeOf<EntityReferences['Ref'][number] | undefined>();
    // @ts-expect-error - only spec types can be decoded
    decode('Nope', '');
  });

  it('encode takes only a value of the type named', () => {
    expectTypeOf(encode<'EntityReferences'>).parameter(1).toEqualTypeOf<EntityReferences>();
    // @ts-expect-error - a session is not a reference list
    encode('EntityReferences', {} as CloudFailoverSession);
    expectTypeOf(validate('CloudFailoverSession', {})).toEqualTypeOf<CloudFailoverSession>();
  });

  it('OperationTypes gives each operation its parameters and bodies by format', () => {
    expectTypeOf<OperationTypes['getCloudFailoverSession']['params']>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<OperationTypes['getCloudFailoverSession']['formats']['Entity']>().toEqualTypeOf<CloudFailoverSession>();
    expectTypeOf<OperationTypes['queryCloudFailoverSessions']['query']['pageSize']>().toEqualTypeOf<number | undefined>();
  });
});
