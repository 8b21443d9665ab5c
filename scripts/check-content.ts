// npm run check:content [-- [content-dir] [--format <format>] [--strict] [--watch]]: the
// content lint alone, the same code as the bin's `check` command
// (cli/check-run.ts), file:line:column diagnostics; exit 1 on errors, 0 when
// clean, 2 for bad arguments. Writes nothing. `npm run dev` is `--watch`.
//
// It imports neither the bin's argument parser nor the runtime: both read the
// generated guide data, which a fresh clone does not have until it builds.
import {parseArgs} from 'node:util'
import {CHECK_FORMATS, type CheckFormat, runCheck} from '../cli/check-run.js'

const PROGRAM = 'check:content'
const USAGE = `usage: npm run check:content -- [content-dir] [--format ${CHECK_FORMATS.join('|')}] [--strict] [--watch]`

async function main(): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({options: {format: {type: 'string'}, watch: {type: 'boolean'}, strict: {type: 'boolean'}}, allowPositionals: true, strict: true})
  } catch (error) {
    process.stderr.write(`${PROGRAM}: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\n${USAGE}\n`)
    return 2
  }
  const {values, positionals} = parsed
  const format = CHECK_FORMATS.find((known) => known === (values.format ?? 'text'))
  if (format === undefined || positionals.length > 1) {
    const problem = format === undefined ? `expected --format to be one of ${CHECK_FORMATS.join(', ')}, received ${JSON.stringify(values.format)}` : `expected at most 1 argument, received also ${JSON.stringify(positionals[1])}`
    process.stderr.write(`${PROGRAM}: ${problem}\n${USAGE}\n`)
    return 2
  }
  const io = {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd()}
  return runCheck({dir: positionals[0] ?? 'content', format: format satisfies CheckFormat, watch: values.watch === true, strict: values.strict === true, program: PROGRAM}, io)
}

process.exitCode = await main()
