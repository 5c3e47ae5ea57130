// The official Huawei Cloud SDK, used as its documentation shows. It only signs with AK/SK (there is
// no IAM-token credential in the Node.js SDK), so it is compared with this client's AK/SK peer.
// Run it with HOME pointed at a temporary folder: building a client writes ~/.huaweicloud/application_id.
import core from '@huaweicloud/huaweicloud-sdk-core';
import kafka from '@huaweicloud/huaweicloud-sdk-kafka';
import { BODY, FAKE_AK, FAKE_SK, GROUP, INSTANCE_ID, PROJECT_ID } from '../call.js';
import type { CreateCall } from './peer.js';

export const createCall: CreateCall = (endpoint) => {
  const credentials = new core.BasicCredentials().withAk(FAKE_AK).withSk(FAKE_SK).withProjectId(PROJECT_ID);
  const client = kafka.KafkaClient.newBuilder().withCredential(credentials).withEndpoint(endpoint).build();
  return async () => {
    const request = new kafka.ResetMessageOffsetRequest()
      .withInstanceId(INSTANCE_ID)
      .withGroup(GROUP)
      .withBody(
        new kafka.ResetMessageOffsetReq()
          .withTopic(BODY.topic)
          .withPartition(BODY.partition)
          .withMessageOffset(BODY.message_offset),
      );
    const response = await client.resetMessageOffset(request);
    if (response.httpStatusCode !== 204) throw new Error(`official SDK: HTTP ${String(response.httpStatusCode)}`);
  };
};
