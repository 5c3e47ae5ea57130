// AK/SK signing (SDK-HMAC-SHA256, Web Crypto).
import {
  akskAuth,
  createResetOffsetClient,
  toDatetime,
} from 'dms-kafka-reset-offset';

const accessKey = process.env['OS_ACCESS_KEY'];
const secretKey = process.env['OS_SECRET_KEY'];
if (!accessKey || !secretKey) {
  throw new Error('Set OS_ACCESS_KEY and OS_SECRET_KEY.');
}

const client = createResetOffsetClient({
  endpoint:
    process.env['DMS_ENDPOINT'] ??
    'https://dms.eu-de.otc.t-systems.com',
  projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
  // Temporary credentials: add securityToken.
  auth: akskAuth({ accessKey, secretKey }),
});

// All partitions of "test" to the first message at or
// after this instant. Stop the group's consumers first.
await client.resetMessageOffset({
  instanceId: '5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2',
  group: 'orders-consumer',
  // {"topic":"test","partition":-1,"timestamp":1571812144000}
  body: toDatetime('test', '2019-10-23T06:29:04Z'),
});
console.log('Offset reset (204).');
