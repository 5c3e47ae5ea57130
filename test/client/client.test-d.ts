// Type-level contract of the client's public API: what compiles and what must not.
import { describe, expectTypeOf, it } from 'vitest';
import {
  akskAuth,
  byDuration,
  createResetOffsetClient,
  ResetOffsetError,
  RequestValidationError,
  retryPolicy,
  toDatetime,
  toEarliest,
  tokenAuth,
  toLatest,
  toOffset,
  type ResetByOffset,
  type ResetByTimestamp,
  type ResetMessageOffsetParams,
  type ResetMessageOffsetRequest,
  type RequestViolation,
} from '../../src/index.js';

const client = createResetOffsetClient({ endpoint: 'https://dms.example', projectId: 'p', auth: tokenAuth('t') });
const instanceId = '11111111-2222-3333-4444-555555555555';

describe('resetMessageOffset', () => {
  it('returns Promise<void> and takes the generated body type', () => {
    expectTypeOf(client.resetMessageOffset).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf<ResetMessageOffsetParams['body']>().toEqualTypeOf<ResetMessageOffsetRequest>();
    expectTypeOf<ResetMessageOffsetParams['signal']>().toEqualTypeOf<AbortSignal | undefined>();
  });

  it('accepts exactly one of message_offset and timestamp', () => {
    void client.resetMessageOffset({ instanceId, group: 'g', body: { topic: 't', message_offset: 1 } });
    void client.resetMessageOffset({ instanceId, group: 'g', body: { topic: 't', partition: 0, timestamp: 1 } });
    // @ts-expect-error both fields
    void client.resetMessageOffset({ instanceId, group: 'g', body: { topic: 't', message_offset: 1, timestamp: 1 } });
    // @ts-expect-error neither field
    void client.resetMessageOffset({ instanceId, group: 'g', body: { topic: 't' } });
    // @ts-expect-error neither field, with partition
    void client.resetMessageOffset({ instanceId, group: 'g', body: { topic: 't', partition: -1 } });
    // @ts-expect-error bigint is not accepted (the contract's maximum is 2^53 - 1)
    void client.resetMessageOffset({ instanceId, group: 'g', body: { topic: 't', message_offset: 1n } });
    // @ts-expect-error wire names only: no camelCase renaming layer
    void client.resetMessageOffset({ instanceId, group: 'g', body: { topic: 't', messageOffset: 1 } });
    // @ts-expect-error group is required
    void client.resetMessageOffset({ instanceId, body: { topic: 't', message_offset: 1 } });
    // @ts-expect-error the group is a string
    void client.resetMessageOffset({ instanceId, group: 7, body: { topic: 't', message_offset: 1 } });
  });

  it('takes explicitly undefined optional options (exactOptionalPropertyTypes callers forwarding their own)', () => {
    const forwarded: { signal?: AbortSignal | undefined; timeoutMs?: number | undefined } = {};
    void client.resetMessageOffset({
      instanceId,
      group: 'g',
      body: toEarliest('t', { partition: undefined }),
      signal: forwarded.signal,
    });
    createResetOffsetClient({
      endpoint: 'https://dms.example',
      projectId: 'p',
      auth: tokenAuth('t'),
      timeoutMs: forwarded.timeoutMs,
      retry: undefined,
    });
  });

  it('requires endpoint, projectId and auth', () => {
    // @ts-expect-error auth missing
    createResetOffsetClient({ endpoint: 'https://dms.example', projectId: 'p' });
    // @ts-expect-error endpoint missing
    createResetOffsetClient({ projectId: 'p', auth: tokenAuth('t') });
    createResetOffsetClient({
      endpoint: 'https://dms.example',
      projectId: 'p',
      auth: akskAuth({ accessKey: 'a', secretKey: 's' }),
      retry: retryPolicy({ attempts: 3 }),
      timeoutMs: 1000,
      validate: false,
    });
    // @ts-expect-error retries come from retryPolicy(), so a bundle without them leaves the retry code out
    createResetOffsetClient({ endpoint: 'https://dms.example', projectId: 'p', auth: tokenAuth('t'), retry: true });
  });
});

describe('builders', () => {
  it('return the generated branch types', () => {
    expectTypeOf(toEarliest('t')).toEqualTypeOf<ResetByOffset>();
    expectTypeOf(toLatest('t')).toEqualTypeOf<ResetByOffset>();
    expectTypeOf(toOffset('t', 1)).toEqualTypeOf<ResetByOffset>();
    expectTypeOf(toDatetime('t', new Date())).toEqualTypeOf<ResetByTimestamp>();
    expectTypeOf(byDuration('t', 'PT1H')).toEqualTypeOf<ResetByTimestamp>();
    expectTypeOf(toEarliest('t')).toExtend<ResetMessageOffsetRequest>();
  });

  it('take the documented arguments', () => {
    toDatetime('t', '2024-01-02T03:04:05Z', { partition: 1 });
    byDuration('t', 60_000, { now: new Date() });
    // @ts-expect-error the offset is a number
    toOffset('t', '5');
    // @ts-expect-error unknown option
    toEarliest('t', { partitions: 1 });
  });
});

describe('errors', () => {
  it('expose typed fields', () => {
    expectTypeOf<ResetOffsetError['status']>().toEqualTypeOf<number>();
    expectTypeOf<ResetOffsetError['errorCode']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ResetOffsetError['requestId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RequestValidationError['violations']>().toEqualTypeOf<readonly RequestViolation[]>();
    expectTypeOf<RequestViolation['in']>().toEqualTypeOf<'body' | 'path'>();
  });
});

describe('raw', () => {
  it('is the typed openapi-fetch client over the generated paths', () => {
    void client.raw.POST('/v2/{project_id}/instances/{instance_id}/management/groups/{group}/reset-message-offset', {
      params: { path: { project_id: 'p', instance_id: instanceId, group: 'g' } },
      body: { topic: 't', message_offset: 1 },
    });
    // @ts-expect-error no such path in the spec
    void client.raw.POST('/v2/{project_id}/instances', {});
    void client.raw.POST('/v2/{project_id}/instances/{instance_id}/management/groups/{group}/reset-message-offset', {
      params: { path: { project_id: 'p', instance_id: instanceId, group: 'g' } },
      // @ts-expect-error both fields through raw too
      body: { topic: 't', message_offset: 1, timestamp: 2 },
    });
  });
});
