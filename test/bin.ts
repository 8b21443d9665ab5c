// The command line for test/cli.test.ts (what it prints of the shipped guide)
// and test/cli-bin.test.ts (the rest): `cli` runs it in this process, as
// cli/index.ts does but with captured streams; `bin` and `node` spawn the
// built bin (dist/cli.js) for the few things only a real process shows.
import {spawn} from 'node:child_process'
import path from 'node:path'
import type {Io} from '../cli/command.js'
import {run} from '../cli/run.js'
import {ROOT} from './helpers.js'

/** The built bin. */
export const BIN = path.join(ROOT, 'dist/cli.js')
/** How every usage message begins. */
export const USAGE = 'Usage: ace-second-interview'

/** What a run of the command line left: its exit status and both streams. */
export interface Ran {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * Run the command line in this process, as cli/index.ts does, with stdout and
 * stderr captured.
 *
 * @param args The command line after the bin's name.
 * @param options The working folder (the root by default), the environment
 *   (empty by default) and whether both streams claim to be a terminal (not by
 *   default: like a pipe, never coloured).
 * @returns The exit status and both streams.
 */
export async function cli(args: readonly string[], options: {cwd?: string; env?: Record<string, string>; isTTY?: boolean} = {}): Promise<Ran> {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    stdout: {write: (text: string) => (stdout += text), isTTY: options.isTTY},
    stderr: {write: (text: string) => (stderr += text), isTTY: options.isTTY},
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
  }
  const status = await run(args, io)
  return {status, stdout, stderr}
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
 * Spawn the built bin the way a user does, its streams pipes, `NO_COLOR`
 * unset unless given.
 *
 * @param args The command line after the bin's name.
 * @param options The working folder (the root by default) and variables added to the environment.
 * @returns The exit status and both streams.
 */
export function bin(args: readonly string[], options: {cwd?: string; env?: Record<string, string>} = {}): Promise<Ran> {
  const env: Record<string, string | undefined> = {...process.env, ...options.env}
  if (options.env?.['NO_COLOR'] === undefined) delete env['NO_COLOR']
  return node([BIN, ...args], {cwd: options.cwd ?? ROOT, env})
}
