// IAM token. DMS_ENDPOINT: unset for eu-de, or
// http://127.0.0.1:4010 for this package's mock (npm start).
import {
  createResetOffsetClient,
  ResetOffsetError,
  tokenAuth,
  toOffset,
} from 'dms-kafka-reset-offset';

const token = process.env['OS_AUTH_TOKEN'];
if (!token) throw new Error('Set OS_AUTH_TOKEN.');

const client = createResetOffsetClient({
  endpoint:
    process.env['DMS_ENDPOINT'] ??
    'https://dms.eu-de.otc.t-systems.com',
  projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
  auth: tokenAuth(token),
});

// Stop the group's consumers first.
try {
  await client.resetMessageOffset({
    instanceId: '5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2',
    group: 'orders-consumer',
    // {"topic":"test","partition":0,"message_offset":10}
    body: toOffset('test', 10, { partition: 0 }),
  });
  console.log('Offset reset (204).');
} catch (error) {
  if (error instanceof ResetOffsetError) {
    // e.g. 400 DMS.00400026: consumers still online
    console.error(error.status, error.errorCode,
      error.errorMsg, error.requestId);
  }
  throw error;
}
