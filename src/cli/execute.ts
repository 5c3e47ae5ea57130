// --execute: the plan's resets sent one after the other, stopping at the first failure (the calls are
// not atomic, so what follows a failure is left unsent and reported as such). Retries are only the
// client's own retry policy (--retries): nothing here repeats a call.
import type { ResetOffsetClient } from '../index.js';
import type { PlannedReset } from './plan.js';

export type Status = 'planned' | 'done' | 'failed' | 'skipped';

export interface Outcome {
  readonly reset: PlannedReset;
  readonly status: Status;
  /** The error a failed reset ended with. */
  readonly error?: unknown;
}

/**
 * Sends the resets in order; `onOutcome` hears of each one as it completes. When `signal` aborts (Ctrl-C),
 * the call in flight ends with an AbortError and nothing more is sent.
 */
export async function executePlan(
  client: ResetOffsetClient,
  instanceId: string,
  resets: readonly PlannedReset[],
  onOutcome: (outcome: Outcome, index: number) => void,
  signal?: AbortSignal,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const [index, reset] of resets.entries()) {
    if (signal?.aborted) {
      outcomes.push(...resets.slice(index).map((rest) => ({ reset: rest, status: 'skipped' as const })));
      break;
    }
    let outcome: Outcome;
    try {
      await client.resetMessageOffset({ instanceId, group: reset.group, body: reset.body, signal });
      outcome = { reset, status: 'done' };
    } catch (error) {
      outcome = { reset, status: 'failed', error };
    }
    outcomes.push(outcome);
    onOutcome(outcome, index);
    if (outcome.status === 'failed') {
      outcomes.push(...resets.slice(index + 1).map((rest) => ({ reset: rest, status: 'skipped' as const })));
      break;
    }
  }
  return outcomes;
}
