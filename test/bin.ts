// Running the built bin (dist/cli.js) as a user does, for test/cli.test.ts
// (what it prints of the shipped guide) and test/cli-bin.test.ts (the rest).
import {spawn} from 'node:child_process'
import path from 'node:path'
import {ROOT} from './helpers.js'

/** The built bin. */
export const BIN = path.join(ROOT, 'dist/cli.js')
/** How every usage message begins. */
export const USAGE = 'Usage: ace-second-interview'

/** What a run of the bin left: its exit status and both streams. */
export interface Ran {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * Run Node on `args` and collect its output. Asynchronous, so the cases of a
 * `describe.concurrent` block run their processes side by side.
 *
 * @param args Node's arguments (a script and its arguments).
 * @param options The working folder (the root by default), the environment, and a file descriptor for stdout.
 * @returns The exit status and both streams.
 */
export function node(args: readonly string[], options: {cwd?: string; env?: NodeJS.ProcessEnv; stdout?: number} = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', options.stdout ?? 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status) => resolve({status, stdout, stderr}))
  })
}

/**
 * Run the built bin the way a user does; never a TTY, so never coloured.
 *
 * @param args The command line after the bin's name.
 * @param options The working folder (the root by default) and variables added to the environment.
 * @returns The exit status and both streams.
 */
export function cli(args: readonly string[], options: {cwd?: string; env?: Record<string, string>} = {}): Promise<Ran> {
  const env: Record<string, string | undefined> = {...process.env, ...options.env}
  if (options.env?.['NO_COLOR'] === undefined) delete env['NO_COLOR']
  return node([BIN, ...args], {cwd: options.cwd ?? ROOT, env})
}
