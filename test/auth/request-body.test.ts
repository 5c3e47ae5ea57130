// What AK/SK signing hashes: the body the client's request was made with (kept on the request, so no
// stream is teed and read), or, for any other request, a clone's bytes; either way the bytes sent.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bodyOf, RequestWithBody } from '../../src/auth/request-body.js';
import { akskAuth, createResetOffsetClient, toOffset } from '../../src/index.js';
import { ACCESS_KEY, INSTANCE_ID, PROJECT_ID, SECRET_KEY } from '../support/index.js';

const URL_ = 'https://dms.example/v2/p/instances/i/management/groups/g/reset-message-offset';
const JSON_BODY = '{"topic":"主题","partition":0,"message_offset":42}';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('bodyOf', () => {
  it('gives the string a RequestWithBody was made with, without cloning it, and the body stays readable', async () => {
    const clone = vi.spyOn(Request.prototype, 'clone');
    const request = new RequestWithBody(URL_, { method: 'POST', body: JSON_BODY });
    expect(await bodyOf(request)).toBe(JSON_BODY);
    expect(clone).not.toHaveBeenCalled();
    expect(await request.text()).toBe(JSON_BODY);
  });

  it('reads the bytes of any other request from a clone, leaving the request unread', async () => {
    for (const request of [
      new Request(URL_, { method: 'POST', body: JSON_BODY }),
      new RequestWithBody(URL_, { method: 'POST', body: new TextEncoder().encode(JSON_BODY) }),
    ]) {
      expect(new TextDecoder().decode((await bodyOf(request)) as Uint8Array)).toBe(JSON_BODY);
      expect(request.bodyUsed).toBe(false);
      expect(await request.text()).toBe(JSON_BODY);
    }
  });

  it("is '' for a request without a body", async () => {
    expect(await bodyOf(new RequestWithBody(URL_))).toBe('');
    expect(await bodyOf(new Request(URL_))).toBe('');
  });
});

it('the client builds its requests as RequestWithBody, and the body it kept is the body sent', async () => {
  const sent: Request[] = [];
  const client = createResetOffsetClient({
    endpoint: 'https://dms.example',
    projectId: PROJECT_ID,
    auth: akskAuth({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY }),
    fetch: async (request) => {
      sent.push(request);
      return new Response(null, { status: 204 });
    },
  });
  await client.resetMessageOffset({ instanceId: INSTANCE_ID, group: 'g', body: toOffset('orders', 42) });
  const [request] = sent;
  expect(request).toBeInstanceOf(RequestWithBody);
  expect((request as RequestWithBody).bodyText).toBe(await request!.text());
});
