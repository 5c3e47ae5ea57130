// `dms-kafka-reset-offset reset`: arguments, settings, plan, then the dry run or the execution.
import { createResetOffsetClient, retryPolicy } from '../index.js';
import { parseResetArgs } from './args.js';
import { hasZone } from './datetime.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { executePlan, type Outcome } from './execute.js';
import { errorText, jsonDocument, outcomeTable, resetLine, summary, type Io } from './output.js';
import { buildPlan } from './plan.js';
import { resolveCredentials, resolveDestination, type Env } from './settings.js';
import { HELP } from './usage.js';
import { UsageError } from './usage-error.js';

const NAME = 'dms-kafka-reset-offset';

/** Runs the reset command; resolves with the exit code. */
export async function runReset(argv: readonly string[], io: Io, env: Env, secrets: readonly string[]): Promise<number> {
  try {
    return await reset(argv, io, env, secrets);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${NAME}: ${error.message}`);
    return EXIT.usage;
  }
}

async function reset(argv: readonly string[], io: Io, env: Env, secrets: readonly string[]): Promise<number> {
  const args = parseResetArgs(argv);
  if (args.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  const destination = resolveDestination(args, env);
  const credentials = resolveCredentials(env);
  let client;
  try {
    client = createResetOffsetClient({
      endpoint: destination.endpoint,
      projectId: destination.projectId,
      auth: credentials.auth,
      timeoutMs: args.timeoutMs,
      retry: args.retries > 0 ? retryPolicy({ attempts: args.retries + 1 }) : undefined,
    });
  } catch (error) {
    // The client's message never echoes the URL (it could carry user info).
    throw new UsageError(`${destination.endpointSource}: ${(error as Error).message}`);
  }
  const plan = await buildPlan(args, destination);
  const zoneNote =
    args.datetime !== undefined && !hasZone(args.datetime)
      ? [`--to-datetime ${args.datetime} has no zone: read as UTC, as kafka-consumer-groups.sh reads it`]
      : [];
  for (const note of [...credentials.notes, ...zoneNote, ...plan.notes]) io.err(`${NAME}: note: ${note}`);
  const count = plan.resets.length;
  const resets = `${count} ${count === 1 ? 'reset' : 'resets'}`;
  const header =
    `${args.execute ? 'Resetting:' : 'Plan:'} ${resets} of group ${JSON.stringify(args.group)} on instance ${destination.instanceId}\n` +
    `(project ${destination.projectId}, endpoint ${destination.endpoint} from ${destination.endpointSource}, credentials ${credentials.source})`;

  if (!args.execute) {
    const planned: Outcome[] = plan.resets.map((r) => ({ reset: r, status: 'planned' }));
    if (args.json) io.out(jsonDocument(true, planned, secrets));
    else
      io.out(
        `${header}\n\n${outcomeTable(planned, false)}\n\nNothing sent; add --execute to apply the ${resets}. Stop the group's consumers first.`,
      );
    return EXIT.ok;
  }

  if (!args.json) io.err(header);
  // Ctrl-C (or SIGTERM) must not leave the operator guessing: the call in flight is aborted, nothing
  // more is sent, and the summary still says what was applied.
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let outcomes;
  try {
    outcomes = await executePlan(
      client,
      destination.instanceId,
      plan.resets,
      (outcome, index) => {
        const position = `${index + 1}/${count}`;
        if (outcome.status === 'failed')
          io.err(`${NAME}: reset ${position} failed: ${resetLine(outcome)}: ${errorText(outcome.error)}`);
        else if (!args.json && count > 1) io.err(`done ${position}: ${resetLine(outcome)}`);
      },
      interrupt.signal,
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const interrupted = interrupt.signal.aborted;
  if (interrupted) io.err(`${NAME}: interrupted: nothing more is sent`);
  const failed = outcomes.find((o) => o.status === 'failed');
  if (args.json) io.out(jsonDocument(false, outcomes, secrets));
  else io.out(`${outcomeTable(outcomes, true)}\n\n${summary(outcomes)}`);
  return interrupted ? EXIT.interrupted : failed ? exitCodeFor(failed.error) : EXIT.ok;
}
