// The mock's request log: arrival order, bounded. A slot is taken when a request arrives and filled
// once its answer is known, so concurrent requests keep their arrival order.
import type { RecordedRequest } from './recorded-request.js';

interface Slot {
  record?: RecordedRequest;
}

export interface RequestLog {
  /** Takes the next slot; the returned function fills it (a no-op once the slot was dropped or cleared). */
  reserve(): (record: RecordedRequest) => void;
  /** Copies of the recorded requests, oldest first. */
  list(): RecordedRequest[];
  clear(): void;
  dropped(): number;
}

/** A log that keeps at most `maxRecords` requests, dropping (and counting) the oldest beyond that. */
export function createRequestLog(maxRecords: number): RequestLog {
  let slots: Slot[] = [];
  let dropped = 0;
  return {
    reserve() {
      const slot: Slot = {};
      slots.push(slot);
      if (slots.length > maxRecords) {
        // Array.shift on 10,000 entries costs microseconds; far less than the request itself.
        slots.shift();
        dropped++;
      }
      return (record) => {
        slot.record = record;
      };
    },
    list: () =>
      slots.flatMap((slot) => (slot.record === undefined ? [] : [structuredClone(slot.record) as RecordedRequest])),
    clear() {
      slots = [];
      dropped = 0;
    },
    dropped: () => dropped,
  };
}
