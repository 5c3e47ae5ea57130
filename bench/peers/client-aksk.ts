// This client signing with AK/SK (node:crypto on Node), validation on: the like-for-like peer of the official SDK.
import { akskAuth, createResetOffsetClient } from '../../src/index.js';
import { BODY, FAKE_AK, FAKE_SK, GROUP, INSTANCE_ID, PROJECT_ID } from '../call.js';
import type { CreateCall } from './peer.js';

export const createCall: CreateCall = (endpoint) => {
  const client = createResetOffsetClient({
    endpoint,
    projectId: PROJECT_ID,
    auth: akskAuth({ accessKey: FAKE_AK, secretKey: FAKE_SK }),
    validate: true,
  });
  return async () => {
    await client.resetMessageOffset({ instanceId: INSTANCE_ID, group: GROUP, body: BODY });
  };
};
