// Types of scripts/check-contract.mjs, for the tests that call it.
export type Level = 'none' | 'patch' | 'minor' | 'major';

export interface RatedChange {
  /** JSON pointer of the change in the spec that has it. */
  where: string;
  impact: Level;
  /** The rule that decided the rating: redocly's rule, or the policy's where it overrides redocly. */
  rule: string;
  message: string;
  redocly: { impact: Level; rules: string[] };
  /** Whether the policy's rating replaced redocly's. */
  overridden: boolean;
}

export interface ContractCheck {
  changes: RatedChange[];
  level: Level;
  /** The bump the version must carry ('none' for patch-level changes). */
  needs: Level;
  released: string;
  version: string;
  packageVersion: string;
  required: string | undefined;
  forcedBy: string[];
  problems: string[];
  report: string;
}

export interface ContractPaths {
  base?: string;
  revision?: string;
  packageJson?: string;
  changelog?: string;
}

export const DEFAULTS: Required<ContractPaths>;
export function requiredVersion(released: string, level: Level): string;
export function unreleasedEntries(changelog: string): string[] | undefined;
export function checkContract(paths?: ContractPaths): Promise<ContractCheck>;

export interface ReleaseFacts {
  changes: RatedChange[];
  /** info.version of the released spec. */
  released: string;
  /** info.version of the revision. */
  version: string;
  /** package.json's version. */
  packageVersion: string;
  /** CHANGELOG.md's text. */
  changelog: string;
  /** The report's first line names what was compared. */
  title: string;
}

export function releaseVerdict(facts: ReleaseFacts): ContractCheck;
