// The --help text: every flag, variable and exit code, an example per target, and the precondition.
import { MAX_FILE_BYTES } from './from-file.js';

export const USAGE = `Usage:
  dms-kafka-reset-offset reset --group G
      (--topic T | --topic T:P[,P...])... | --from-file FILE
      (--to-earliest | --to-latest | --to-offset N | --to-datetime DATETIME
       | --by-duration DURATION | --to-timestamp MS)
      [--endpoint URL | --region REGION] [--project-id ID] [--instance-id UUID]
      [--execute] [--json] [--timeout-ms N] [--retries N]
  dms-kafka-reset-offset mock [--port N] [--host H]
  dms-kafka-reset-offset --help | --version`;

export const HELP = `dms-kafka-reset-offset: reset a Kafka consumer group's offsets on DMS for Kafka
(Open Telekom Cloud / Huawei Cloud), like kafka-consumer-groups.sh --reset-offsets.

${USAGE}

Stop the group's consumers first: the service refuses to reset a group with members online, and a
stopped consumer counts as gone only after its session timeout (session.timeout.ms).

A dry run is the default: every request is built and checked, the plan is printed, nothing is sent.
Add --execute to send the resets, one call per topic (--topic T: all partitions) or per partition
(--topic T:0,1), in order. The calls are not atomic: at the first failure the command stops and says
which resets were applied, which failed and which were not sent.

What to reset:
  --group G              the consumer group (one per run)
  --topic T              all partitions of topic T (one call, partition -1); repeat for more topics
  --topic T:P[,P...]     these partitions of T (one call each)
  --from-file FILE       the CSV kafka-consumer-groups.sh --export writes: topic,partition,offset
                         rows, no header; each row is a --to-offset. From the four-column form
                         (group,topic,partition,offset) only the rows of --group are taken, and the
                         others are counted. At most ${MAX_FILE_BYTES} bytes. No target flag with it.

Where to (exactly one):
  --to-earliest          the earliest retained offset (sends offset 0, which the API clamps)
  --to-latest            the log end (sends offset 2^53 - 1, which the API clamps)
  --to-offset N          offset N (0 to 2^53 - 1)
  --to-datetime DT       the first message at or after DT: YYYY-MM-DDTHH:mm:SS.sss, seconds and
                         milliseconds optional, zone optional (Z, +02, +0200, +02:00). Without a
                         zone it is UTC, as kafka-consumer-groups.sh reads it.
  --by-duration D        the first message at or after now - D, an ISO-8601 duration of days,
                         hours, minutes and seconds (PT1H, P1DT12H, PT30.5S; no months or years)
  --to-timestamp MS      the first message at or after Unix time MS (milliseconds)

Where the API is (a flag wins over its variable):
  --endpoint URL         the API endpoint (https; http only to loopback)   [DMS_ENDPOINT]
  --region REGION        eu-de or eu-nl (Open Telekom Cloud)               [OS_REGION_NAME]
  --project-id ID        the project ID (32 lowercase hex characters)      [OS_PROJECT_ID]
  --instance-id UUID     the Kafka instance ID                             [DMS_INSTANCE_ID]
  --endpoint beats --region; DMS_ENDPOINT beats OS_REGION_NAME; a flag beats both variables.

Credentials, from the environment only (never a flag, never printed):
  OS_AUTH_TOKEN                       an IAM token (X-Auth-Token), or
  OS_ACCESS_KEY + OS_SECRET_KEY       an access key and secret key (AK/SK signing),
  + OS_SECURITY_TOKEN                 with the security token of temporary keys.
  With both a token and keys set, the token is used (and the command says so).

Running:
  --execute              send the resets (without it: a dry run)
  --dry-run              the default, stated explicitly (as kafka-consumer-groups.sh takes it)
  --json                 print one JSON document on stdout instead of the table:
                         {"dryRun": bool, "resets": [{"group", "topic", "partition", "body",
                         "status": "planned"|"done"|"failed"|"skipped", "error"?: {"name",
                         "status", "errorCode", "requestId", "message"}}]}
  --timeout-ms N         deadline per reset, retries included (default 30000)
  --retries N            retry each reset up to N times (0-9, default 0) on a network error,
                         429, 502, 503 or 504, honouring Retry-After
  --help, -h             this text

Exit codes:
  0  every reset done, or a valid dry run
  2  a usage or validation error, or missing credentials (nothing sent)
  3  the API refused a reset (HTTP 4xx)
  4  no usable answer (network error, timeout, 5xx); that reset may or may not have been applied
  130  interrupted (Ctrl-C) during --execute: the reset in flight may or may not have been applied
  1  an unexpected error in this program

Examples (dry runs; add --execute to apply):
  export OS_AUTH_TOKEN=... OS_PROJECT_ID=... DMS_INSTANCE_ID=... OS_REGION_NAME=eu-de
  dms-kafka-reset-offset reset --group orders-consumer --topic orders --to-earliest
  dms-kafka-reset-offset reset --group orders-consumer --topic orders:0,1 --to-latest
  dms-kafka-reset-offset reset --group orders-consumer --topic orders:3 --to-offset 42
  dms-kafka-reset-offset reset --group orders-consumer --topic orders --to-datetime 2024-05-01T00:00:00.000
  dms-kafka-reset-offset reset --group orders-consumer --topic orders --by-duration PT1H
  dms-kafka-reset-offset reset --group orders-consumer --topic orders --to-timestamp 1714521600000
  dms-kafka-reset-offset reset --group orders-consumer --from-file offsets.csv --execute --json

  dms-kafka-reset-offset mock --port 4010    # the mock of the API, as dms-kafka-reset-offset-mock`;
