# AK/SK signing (SDK-HMAC-SHA256) with openssl and curl.
# GROUP is put in the path as is: fine for IDs made of
# A-Z a-z 0-9 - . _ ~ (the TypeScript client encodes any ID).
# openssl takes the secret key as an argument, visible to
# other users of the machine (ps): use a machine of your own.
PROJECT_ID=a4a5d4098fb4474fa22cd05f897d6b99
INSTANCE_ID=5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2
GROUP=orders-consumer
BODY='{"topic":"test","partition":-1,"timestamp":1571812144000}'

URI=/v2/$PROJECT_ID/instances/$INSTANCE_ID/management/groups/$GROUP/reset-message-offset
HOST=${DMS_ENDPOINT#*://}
SDK_DATE=$(date -u +%Y%m%dT%H%M%SZ)
SIGNED=content-type\;host\;x-project-id\;x-sdk-date
sha256() { printf '%s' "$1" | openssl dgst -sha256 | sed 's/^.* //'; }

# 1. Canonical request: method, URI ending in '/', query
#    (none), signed headers, their names, body hash.
CANONICAL=$(printf 'POST\n%s/\n\n%s\n%s\n%s\n%s\n\n%s\n%s' "$URI" \
  "content-type:application/json" "host:$HOST" \
  "x-project-id:$PROJECT_ID" "x-sdk-date:$SDK_DATE" \
  "$SIGNED" "$(sha256 "$BODY")")
# 2. String to sign. 3. HMAC-SHA256 with the secret key.
TO_SIGN=$(printf 'SDK-HMAC-SHA256\n%s\n%s' "$SDK_DATE" "$(sha256 "$CANONICAL")")
SIGNATURE=$(printf '%s' "$TO_SIGN" |
  openssl dgst -sha256 -hmac "$OS_SECRET_KEY" | sed 's/^.* //')

curl -sS --fail-with-body -i -X POST "$DMS_ENDPOINT$URI" \
  -H 'Content-Type: application/json' \
  -H "X-Project-Id: $PROJECT_ID" \
  -H "X-Sdk-Date: $SDK_DATE" \
  -H "Authorization: SDK-HMAC-SHA256 Access=$OS_ACCESS_KEY, SignedHeaders=$SIGNED, Signature=$SIGNATURE" \
  --data-raw "$BODY"
