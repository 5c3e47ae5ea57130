// The one call every peer makes, with the same parameters, so that the bench compares like with like.
// Credentials are fake on purpose: the official SDK prints its whole request configuration,
// Authorization header included, on any failure, and nothing here may ever leak a real secret.

export const PROJECT_ID = 'a4a5d4098fb4474fa22cd05f897d6b99';
export const INSTANCE_ID = '6f2b8b2c-3c0e-4d5a-9e3f-2a1b0c9d8e7f';
/** Plain characters, so that every peer (the official SDK does not encode it) sends the same path. */
export const GROUP = 'bench-group';
/** Every field given, so that no peer adds or drops a default and all send the same JSON. */
export const BODY = { topic: 'orders', partition: 0, message_offset: 42 } as const;

export const FAKE_TOKEN = 'bench-fake-iam-token-not-a-secret';
export const FAKE_AK = 'BENCHFAKEACCESSKEY00';
export const FAKE_SK = 'bench-fake-secret-key-not-a-secret-0000000';

/** The path every peer sends to. A function, so that the one-call bundles of the peers that build it themselves do not carry it. */
export function callPath(): string {
  return `/v2/${PROJECT_ID}/instances/${INSTANCE_ID}/management/groups/${GROUP}/reset-message-offset`;
}

/** The endpoint of the one-call entries that are only bundled, never run (the size figures). */
export const DEFAULT_ENDPOINT = 'https://dms.eu-de.otc.t-systems.com';
