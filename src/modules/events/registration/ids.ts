import { secureRandomBytes } from '../../../shared/hash.js';

let lastMs = 0;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562) whose text sorts in the order this process made them, even within one
 * millisecond (a 12-bit counter, then the next millisecond). Made under the event's lock, a registration's id
 * breaks ties between equal `created_at` in the order the decisions were taken: first come, first served,
 * even during a rush (or under a test's fixed clock).
 *
 * @example
 * orderedId(new Date()) // '0185c3a1-5b2e-7000-8f3a-…'
 */
export function orderedId(now: Date): string {
  let ms = now.getTime();
  if (ms <= lastMs) {
    ms = lastMs;
    sequence++;
    if (sequence > 0xfff) {
      ms++;
      sequence = 0;
    }
  } else {
    sequence = 0;
  }
  lastMs = ms;
  const random = secureRandomBytes(8);
  const hex = ms.toString(16).padStart(12, '0');
  const variant = ((random[0] ?? 0) & 0x3f) | 0x80;
  const tail = Buffer.concat([Buffer.from([variant]), random.subarray(1)]).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${sequence.toString(16).padStart(3, '0')}-${tail.slice(0, 4)}-${tail.slice(4, 16)}`;
}
