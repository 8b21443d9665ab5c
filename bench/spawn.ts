// Child processes for the benchmark: every start-up and build figure is
// measured in a fresh process, so module caches and JIT state never carry over.
import {spawnSync} from 'node:child_process'

/**
 * Run a command to completion and time it from spawn to exit.
 *
 * @param command The executable.
 * @param args Its arguments.
 * @param cwd Where it runs.
 * @returns Wall-clock milliseconds.
 * @throws {Error} When it exits non-zero, with its stderr.
 */
export function timeProcess(command: string, args: readonly string[], cwd: string): number {
  const start = process.hrtime.bigint()
  const run = spawnSync(command, args, {cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'})
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  return elapsed
}

