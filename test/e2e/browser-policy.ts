import {existsSync} from 'node:fs'

/** What the browser test does on this machine. */
export type BrowserPolicy =
  | {readonly action: 'run'; readonly executable: string}
  | {readonly action: 'skip'; readonly reason: string}
  | {readonly action: 'fail'; readonly reason: string}

/**
 * Decide whether the browser test runs, is skipped (saying so), or fails: a
 * missing Chromium is a skip on a developer's machine, a failure under CI.
 *
 * @param env The environment (`CI`, `CHROMIUM_PATH`).
 * @param exists Whether a file exists (injected for tests).
 * @returns The decision, with the message to show.
 */
export function browserPolicy(
  env: Readonly<Record<string, string | undefined>>,
  exists: (file: string) => boolean = existsSync,
): BrowserPolicy {
  const executable = env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  if (exists(executable)) return {action: 'run', executable}
  const ci = env['CI'] ?? ''
  const inCi = ci !== '' && ci !== 'false' && ci !== '0'
  const install = 'install it with `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH)'
  return inCi
    ? {action: 'fail', reason: `CI is set but there is no Chromium at ${executable}: .ci/run must ${install}`}
    : {action: 'skip', reason: `[browser test] SKIPPED: no Chromium at ${executable}; ${install}. With CI set, a missing browser fails the run instead.`}
}
