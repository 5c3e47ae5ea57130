// The bodies every generator is measured on. The runner copies this file next to each generator's probe
// (probe.ts, which names that generator's request body type `Body`), type-checks both strictly and reads
// the diagnostics on each declaration's line: byOffset and byTimestamp must compile, and an error on
// `both` or `neither` means the generated types refuse it. The compiled values are then parsed by the
// generator's validator, if it makes one.
import type { Body } from './probe.js';

export const byOffset: Body = { topic: 'orders', partition: 0, message_offset: 10 };
export const byTimestamp: Body = { topic: 'orders', partition: -1, timestamp: 1571812144000 };
export const both: Body = { topic: 'orders', partition: 0, message_offset: 10, timestamp: 1571812144000 };
export const neither: Body = { topic: 'orders', partition: 0 };
