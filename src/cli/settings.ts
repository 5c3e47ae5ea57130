// Where the call goes and how it authenticates: flags first, then the environment. Credentials come
// from the environment only (a flag's value would be in the shell history and in `ps` output).
import type { Middleware } from 'openapi-fetch';
import { akskAuth, tokenAuth } from '../index.js';
import { UsageError } from './usage-error.js';

/** The Open Telekom Cloud regions and their DMS endpoints. */
export const REGIONS: Readonly<Record<string, string>> = {
  'eu-de': 'https://dms.eu-de.otc.t-systems.com',
  'eu-nl': 'https://dms.eu-nl.otc.t-systems.com',
};

export type Env = Readonly<Record<string, string | undefined>>;

export interface Credentials {
  readonly auth: Middleware;
  /** Which variables are used, for the plan (never their values). */
  readonly source: string;
  /** What to tell the operator about the choice (both kinds set, an ignored variable). */
  readonly notes: readonly string[];
}

export interface Destination {
  readonly endpoint: string;
  /** Where the endpoint came from: a flag or a variable. */
  readonly endpointSource: string;
  readonly projectId: string;
  readonly instanceId: string;
}

/** A variable's value; an empty one counts as unset. */
function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function region(name: string, source: string): string {
  const endpoint = REGIONS[name];
  if (endpoint === undefined)
    throw new UsageError(
      `${source} '${name}' is not an Open Telekom Cloud region this command knows (${Object.keys(REGIONS).join(', ')}); give --endpoint URL instead`,
    );
  return endpoint;
}

/** The endpoint, project and instance: --endpoint, --region, DMS_ENDPOINT, OS_REGION_NAME, in that order. */
export function resolveDestination(
  flags: {
    endpoint?: string | undefined;
    region?: string | undefined;
    projectId?: string | undefined;
    instanceId?: string | undefined;
  },
  env: Env,
): Destination {
  if (flags.endpoint !== undefined && flags.region !== undefined)
    throw new UsageError('--endpoint and --region both name the endpoint; give one');
  const envEndpoint = read(env, 'DMS_ENDPOINT');
  const envRegion = read(env, 'OS_REGION_NAME');
  let endpoint: string;
  let endpointSource: string;
  if (flags.endpoint !== undefined) [endpoint, endpointSource] = [flags.endpoint, '--endpoint'];
  else if (flags.region !== undefined)
    [endpoint, endpointSource] = [region(flags.region, '--region'), `--region ${flags.region}`];
  else if (envEndpoint !== undefined) [endpoint, endpointSource] = [envEndpoint, 'DMS_ENDPOINT'];
  else if (envRegion !== undefined)
    [endpoint, endpointSource] = [region(envRegion, 'OS_REGION_NAME'), `OS_REGION_NAME ${envRegion}`];
  else
    throw new UsageError(
      'no endpoint: give --region eu-de|eu-nl or --endpoint URL (or set OS_REGION_NAME or DMS_ENDPOINT)',
    );
  const projectId = flags.projectId ?? read(env, 'OS_PROJECT_ID');
  if (projectId === undefined) throw new UsageError('no project: give --project-id ID (or set OS_PROJECT_ID)');
  const instanceId = flags.instanceId ?? read(env, 'DMS_INSTANCE_ID');
  if (instanceId === undefined) throw new UsageError('no instance: give --instance-id UUID (or set DMS_INSTANCE_ID)');
  return { endpoint, endpointSource, projectId, instanceId };
}

/** Turns the auth module's TypeError (which never shows the value) into one naming the variable. */
function guarded(variable: string, make: () => Middleware): Middleware {
  try {
    return make();
  } catch {
    throw new UsageError(`${variable} must be a non-empty string of visible ASCII characters (value not shown)`);
  }
}

/**
 * The credentials: OS_AUTH_TOKEN (an IAM token), or OS_ACCESS_KEY + OS_SECRET_KEY (+ OS_SECURITY_TOKEN
 * for temporary keys). With both kinds set the token is used, and the notes say so.
 */
export function resolveCredentials(env: Env): Credentials {
  const token = read(env, 'OS_AUTH_TOKEN');
  const accessKey = read(env, 'OS_ACCESS_KEY');
  const secretKey = read(env, 'OS_SECRET_KEY');
  const securityToken = read(env, 'OS_SECURITY_TOKEN');
  if (token !== undefined) {
    const notes: string[] = [];
    if (accessKey !== undefined || secretKey !== undefined)
      notes.push('OS_AUTH_TOKEN and OS_ACCESS_KEY/OS_SECRET_KEY are both set: using OS_AUTH_TOKEN');
    if (securityToken !== undefined) notes.push('OS_SECURITY_TOKEN is ignored: it belongs to AK/SK credentials');
    return { auth: guarded('OS_AUTH_TOKEN', () => tokenAuth(token)), source: 'OS_AUTH_TOKEN (IAM token)', notes };
  }
  if (accessKey !== undefined && secretKey !== undefined) {
    const auth = guarded(securityToken === undefined ? 'OS_ACCESS_KEY' : 'OS_ACCESS_KEY or OS_SECURITY_TOKEN', () =>
      akskAuth({ accessKey, secretKey, securityToken }),
    );
    const source =
      securityToken === undefined
        ? 'OS_ACCESS_KEY/OS_SECRET_KEY (AK/SK)'
        : 'OS_ACCESS_KEY/OS_SECRET_KEY/OS_SECURITY_TOKEN (temporary AK/SK)';
    return { auth, source, notes: [] };
  }
  if (accessKey !== undefined || secretKey !== undefined)
    throw new UsageError(
      `${accessKey === undefined ? 'OS_SECRET_KEY' : 'OS_ACCESS_KEY'} is set but ${accessKey === undefined ? 'OS_ACCESS_KEY' : 'OS_SECRET_KEY'} is not: set both (or OS_AUTH_TOKEN)`,
    );
  throw new UsageError(
    'no credentials: set OS_AUTH_TOKEN, or OS_ACCESS_KEY and OS_SECRET_KEY (plus OS_SECURITY_TOKEN for temporary keys), in the environment',
  );
}

/** The credential values in the environment, which no output may contain. */
export function secretValues(env: Env): string[] {
  return ['OS_AUTH_TOKEN', 'OS_SECRET_KEY', 'OS_SECURITY_TOKEN']
    .map((name) => read(env, name))
    .filter((v): v is string => v !== undefined);
}
