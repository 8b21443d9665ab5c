// Child processes for the benchmark: every start-up and build figure is
// measured in a fresh process, so module caches and JIT state never carry over.
import {spawnSync} from 'node:child_process'
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

/** Node flags that load TypeScript through tsx, for workers written in TypeScript. */
export const TSX_IMPORT = ['--import', require.resolve('tsx/esm')]

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

/**
 * Run a Node child that prints one JSON value on stdout, and parse it.
 *
 * @param args Node's arguments (flags, then the script and its arguments).
 * @param cwd Where it runs.
 * @returns The parsed value.
 * @throws {Error} When the child exits non-zero or prints something else.
 */
export function nodeJson<T>(args: readonly string[], cwd: string): T {
  const run = spawnSync(process.execPath, args, {cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  return JSON.parse(run.stdout) as T
}
