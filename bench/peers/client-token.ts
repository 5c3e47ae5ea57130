// This client with an IAM token and request validation on: the typical use.
import { createResetOffsetClient, tokenAuth } from '../../src/index.js';
import { BODY, FAKE_TOKEN, GROUP, INSTANCE_ID, PROJECT_ID } from '../call.js';
import type { CreateCall } from './peer.js';

export const createCall: CreateCall = (endpoint) => {
  const client = createResetOffsetClient({
    endpoint,
    projectId: PROJECT_ID,
    auth: tokenAuth(FAKE_TOKEN),
    validate: true,
  });
  return async () => {
    await client.resetMessageOffset({ instanceId: INSTANCE_ID, group: GROUP, body: BODY });
  };
};
