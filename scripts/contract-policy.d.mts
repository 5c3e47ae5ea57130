// Types of scripts/contract-policy.mjs, for the tests that call it.

/** A pattern with its one-character escapes spelled one way (`\u0000` and `\x00` both as `\x00`). */
export function normalisePattern(pattern: string): string;
