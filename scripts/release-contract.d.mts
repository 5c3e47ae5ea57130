// Types of scripts/release-contract.mjs, for its tests.
export function withInfoVersion(yaml: string, version: string): string;
export function withReleaseSection(changelog: string, version: string, date: string): string;
