// The plan: one reset per topic (partition -1) or per partition, in the order given, each body built and
// checked by the package's builders and validators before anything is sent.
import { RequestValidationError, validatePathParams, type ResetMessageOffsetRequest } from '../index.js';
import type { ResetArgs } from './args.js';
import { readPlanFile } from './from-file.js';
import { bodyFor, toOffsetTarget } from './targets.js';
import { UsageError } from './usage-error.js';

export interface PlannedReset {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  /** The exact wire body. */
  readonly body: ResetMessageOffsetRequest;
}

export interface Plan {
  readonly resets: readonly PlannedReset[];
  /** What to tell the operator about the plan (rows of other groups left out of a plan file). */
  readonly notes: readonly string[];
}

function violationsText(error: RequestValidationError): string {
  return error.violations.map((v) => `${v.path.slice(1) || v.in} ${v.message}`).join('; ');
}

function build(where: string, make: () => ResetMessageOffsetRequest): ResetMessageOffsetRequest {
  try {
    return make();
  } catch (error) {
    if (error instanceof RequestValidationError) throw new UsageError(`${where}: ${violationsText(error)}`);
    throw error;
  }
}

/** Builds and checks the plan; throws a UsageError naming the first request the contract refuses. */
export async function buildPlan(
  args: ResetArgs,
  ids: { readonly projectId: string; readonly instanceId: string },
): Promise<Plan> {
  const { group } = args;
  const params = validatePathParams({ project_id: ids.projectId, instance_id: ids.instanceId, group });
  if (!params.valid) {
    const [first] = params.errors;
    const flag = { '/project_id': '--project-id', '/instance_id': '--instance-id', '/group': '--group' }[first!.path];
    throw new UsageError(`${flag ?? first!.path}: ${first!.message}`);
  }
  const { scope } = args;
  if ('file' in scope) {
    const file = await readPlanFile(scope.file, group);
    const resets = file.rows.map((row) => ({
      group,
      topic: row.topic,
      partition: row.partition,
      body: build(`--from-file ${scope.file}:${row.line}`, () =>
        bodyFor(toOffsetTarget(row.offset), row.topic, row.partition),
      ),
    }));
    const notes =
      file.skipped > 0
        ? [
            `--from-file: took the ${resets.length} rows of group ${group}; skipped ${file.skipped} rows of other groups (${file.otherGroups.join(', ')})`,
          ]
        : [];
    return { resets, notes };
  }
  const target = args.target!;
  const resets = scope.topics.flatMap(({ topic, partitions }) =>
    partitions.map((partition) => ({
      group,
      topic,
      partition,
      body: build(`--topic ${topic}${partition === -1 ? '' : `:${partition}`}`, () =>
        bodyFor(target, topic, partition),
      ),
    })),
  );
  return { resets, notes: [] };
}
