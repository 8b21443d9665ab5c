// npm run check:content [-- [content-dir] [--format <format>] [--strict] [--verbose] [--watch]]: the
// content lint alone, file:line:column diagnostics; exit 1 on errors, 0 when
// clean, 2 for bad arguments. Writes nothing. `npm run dev` is `--watch`.
// The same code as the bin's `check` command (cli/check-run.ts), without the
// bin's argument parser or the runtime: both read the generated guide data,
// which a fresh clone does not have until it builds.
import {realpathSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {CHECK_FORMATS, runCheck, verboseCommand} from '../cli/check-run.js'
import type {Io} from '../cli/command.js'

const PROGRAM = 'check:content'
const USAGE = `usage: npm run check:content -- [content-dir] [--format ${CHECK_FORMATS.join('|')}] [--strict] [--verbose] [--watch]`

/**
 * Run `check:content` with command-line arguments.
 *
 * @param args The arguments after the script name.
 * @param io Output streams, the environment and the folder paths are relative to.
 * @returns The exit code: 0 clean (warnings allowed), 1 errors, 2 bad arguments.
 * @example
 *   process.exitCode = await checkContentCommand(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd()})
 */
export async function checkContentCommand(args: readonly string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({args: [...args], options: {format: {type: 'string'}, watch: {type: 'boolean'}, strict: {type: 'boolean'}, verbose: {type: 'boolean'}}, allowPositionals: true, strict: true})
  } catch (error) {
    io.stderr.write(`${PROGRAM}: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\n${USAGE}\n`)
    return 2
  }
  const {values, positionals} = parsed
  const format = CHECK_FORMATS.find((known) => known === (values.format ?? 'text'))
  if (format === undefined || positionals.length > 1) {
    const problem = format === undefined ? `expected --format to be one of ${CHECK_FORMATS.join(', ')}, received ${JSON.stringify(values.format)}` : `expected at most 1 argument, received also ${JSON.stringify(positionals[1])}`
    io.stderr.write(`${PROGRAM}: ${problem}\n${USAGE}\n`)
    return 2
  }
  return runCheck({dir: positionals[0] ?? 'content', format, watch: values.watch === true, strict: values.strict === true, summarize: values.verbose === true ? undefined : verboseCommand('npm run check:content --', positionals[0]), program: PROGRAM}, io)
}

// Run as a script (tests import checkContentCommand and run it in process).
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  process.exitCode = await checkContentCommand(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd()})
}
