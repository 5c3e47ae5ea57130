// Type-level contract: through the generated types, exactly one of message_offset/timestamp compiles.
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../generated/schema.js';

type Body = components['schemas']['ResetMessageOffsetRequest'];

describe('ResetMessageOffsetRequest (generated type)', () => {
  it('accepts each field alone, with or without partition', () => {
    const a: Body = { topic: 't', message_offset: 10 };
    const b: Body = { topic: 't', partition: 0, message_offset: 10 };
    const c: Body = { topic: 't', timestamp: 1571812144000 };
    const d: Body = { topic: 't', partition: -1, timestamp: 1571812144000 };
    expectTypeOf([a, b, c, d]).toEqualTypeOf<Body[]>();
  });

  it('rejects both fields and neither field', () => {
    // @ts-expect-error both message_offset and timestamp
    const both: Body = { topic: 't', message_offset: 10, timestamp: 1571812144000 };
    // @ts-expect-error neither message_offset nor timestamp
    const neither: Body = { topic: 't' };
    // @ts-expect-error neither, with partition
    const neitherWithPartition: Body = { topic: 't', partition: 0 };
    // @ts-expect-error topic is required
    const noTopic: Body = { message_offset: 1 };
    // @ts-expect-error offset is a number, not a string
    const stringOffset: Body = { topic: 't', message_offset: '10' };
    // @ts-expect-error no other properties
    const extra: Body = { topic: 't', message_offset: 1, group: 'g' };
    void [both, neither, neitherWithPartition, noTopic, stringOffset, extra];
  });

  it('keeps the wire field names and optional partition', () => {
    expectTypeOf<components['schemas']['ResetByOffset']>().toHaveProperty('message_offset').toEqualTypeOf<number>();
    expectTypeOf<components['schemas']['ResetByTimestamp']>().toHaveProperty('timestamp').toEqualTypeOf<number>();
    expectTypeOf<components['schemas']['ResetByOffset']['partition']>().toEqualTypeOf<number | undefined>();
  });
});
