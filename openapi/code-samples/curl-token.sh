# IAM token in X-Auth-Token. DMS_ENDPOINT:
# https://dms.eu-de.otc.t-systems.com, or
# http://127.0.0.1:4010 for this package's mock (npm start).
# Stop the group's consumers first.
PROJECT_ID=a4a5d4098fb4474fa22cd05f897d6b99
INSTANCE_ID=5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2
GROUP=orders-consumer

curl -sS --fail-with-body -i -X POST \
  "$DMS_ENDPOINT/v2/$PROJECT_ID/instances/$INSTANCE_ID/management/groups/$GROUP/reset-message-offset" \
  -H 'Content-Type: application/json' \
  -H "X-Auth-Token: $OS_AUTH_TOKEN" \
  --data-raw '{"topic":"test","partition":0,"message_offset":10}'
