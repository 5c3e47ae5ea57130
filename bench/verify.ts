// Before anything is timed, each peer's request is checked at the capture server: same method, path
// and JSON body, and the authentication it claims. A peer that sent something else would make its
// figures meaningless. Problems are reported without header values: they may hold credentials.
import { isDeepStrictEqual } from 'node:util';
import { BODY, FAKE_AK, FAKE_TOKEN, callPath } from './call.js';
import type { CapturedRequest } from './capture-server.js';
import type { Peer } from './peers/index.js';

/** What is wrong with `request` as `peer`'s version of the benchmark call ([] when nothing). */
export function requestProblems(peer: Peer, request: CapturedRequest | undefined): string[] {
  if (!request) return ['no request arrived'];
  const problems: string[] = [];
  if (request.method !== 'POST') problems.push(`method ${request.method}, expected POST`);
  if (request.url !== callPath()) problems.push(`path ${request.url}, expected ${callPath()}`);
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('application/json')) problems.push(`content-type ${contentType}`);
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    body = undefined;
  }
  if (!isDeepStrictEqual(body, BODY))
    problems.push(`body ${request.body.slice(0, 200)}, expected ${JSON.stringify(BODY)}`);
  if (peer.auth === 'token') {
    if (request.headers['x-auth-token'] !== FAKE_TOKEN) problems.push('X-Auth-Token missing or not the bench token');
  } else {
    const authorization = request.headers['authorization'] ?? '';
    if (!authorization.startsWith(`SDK-HMAC-SHA256 Access=${FAKE_AK}, SignedHeaders=`))
      problems.push('Authorization is not an SDK-HMAC-SHA256 signature');
    if (!/^\d{8}T\d{6}Z$/.test(String(request.headers['x-sdk-date']))) problems.push('X-Sdk-Date missing or malformed');
  }
  return problems;
}
