// Raw HTTP to the mock, for the tests that must see Prism's own verdict (the client would refuse an
// invalid body before sending it).
import { GROUP, INSTANCE_ID, PROJECT_ID } from './ids.js';

export interface PathParts {
  project_id?: string;
  instance_id?: string;
  group?: string;
}

/** The operation's URL on `base`, each path parameter percent-encoded like the client does. */
export function operationUrl(base: string, parts: PathParts = {}): string {
  const p = { project_id: PROJECT_ID, instance_id: INSTANCE_ID, group: GROUP, ...parts };
  const e = encodeURIComponent;
  return `${base}/v2/${e(p.project_id)}/instances/${e(p.instance_id)}/management/groups/${e(p.group)}/reset-message-offset`;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

/** POSTs `rawBody` as application/json with an IAM token, unless `headers` says otherwise. */
export async function postRaw(
  url: string,
  rawBody: string | undefined,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': 'test-token', ...headers },
    ...(rawBody === undefined ? {} : { body: rawBody }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** POSTs a JSON value. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return postRaw(url, JSON.stringify(body), headers);
}
