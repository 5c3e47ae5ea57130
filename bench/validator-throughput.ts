// Validator throughput: validateResetRequest (what the client runs before sending) over the
// request-body corpus of the tests, valid and invalid bodies measured separately and alternated
// round by round. Invalid bodies cost more: they build the caller-facing list of violations.
import { BODY_CASES } from '../test/fixtures/request-bodies.js';
import { validateResetRequest } from '../src/index.js';
import { summarize, type Summary } from './stats.js';

export interface ValidatorThroughput {
  /** Validations per second. */
  readonly valid: Summary;
  readonly invalid: Summary;
  readonly validBodies: number;
  readonly invalidBodies: number;
}

function opsPerSecond(bodies: readonly unknown[], expectValid: boolean, minMs: number): number {
  let ops = 0;
  let wrong = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const body of bodies) if (validateResetRequest(body).valid !== expectValid) wrong += 1;
    ops += bodies.length;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  // The verdicts are used, so the work cannot be optimised away; they must also be the corpus's.
  if (wrong > 0) throw new Error(`validator throughput: ${wrong} verdicts differ from the corpus`);
  return (ops / elapsed) * 1000;
}

export function measureValidatorThroughput(rounds: number, msPerRound: number): ValidatorThroughput {
  const valid = BODY_CASES.filter((c) => c.valid).map((c) => c.body);
  const invalid = BODY_CASES.filter((c) => !c.valid).map((c) => c.body);
  opsPerSecond(valid, true, msPerRound);
  opsPerSecond(invalid, false, msPerRound);
  const validSamples: number[] = [];
  const invalidSamples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which kind goes first, as the peers do.
    if (round % 2 === 0) validSamples.push(opsPerSecond(valid, true, msPerRound));
    invalidSamples.push(opsPerSecond(invalid, false, msPerRound));
    if (round % 2 === 1) validSamples.push(opsPerSecond(valid, true, msPerRound));
  }
  return {
    valid: summarize(validSamples),
    invalid: summarize(invalidSamples),
    validBodies: valid.length,
    invalidBodies: invalid.length,
  };
}
