#!/usr/bin/env node
// The `ace-second-interview` bin. Built to dist/cli.js with every dependency
// bundled in, so the installed package needs none.
import {escapeControl} from '../pipeline/terminal.js'
import {type Output, PROGRAM} from './command.js'
import {run} from './run.js'

// A write to stdout or stderr can fail, which Node reports as an `'error'`
// event and, unhandled, as a crash with a stack trace. A closed pipe (`EPIPE`:
// `… | head -n 1`, `… | true`) means the reader has all it wants: later writes
// are dropped and the exit status is the command's own. Any other failure
// (`ENOSPC` from `> /dev/full`, `EIO`…) is one line on stderr and status 1.
const broken = new Set<NodeJS.WriteStream>()
const guard = (stream: NodeJS.WriteStream, name: string): Output => {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    broken.add(stream)
    if (error.code === 'EPIPE') return
    // Told on stderr unless stderr is the stream that failed.
    if (!broken.has(process.stderr)) process.stderr.write(`${PROGRAM}: cannot write to ${name}: ${escapeControl(error.message)}\n`)
    process.exitCode = 1
  })
  return {write: (text: string) => (broken.has(stream) ? false : stream.write(text)), isTTY: stream.isTTY}
}
const stdout = guard(process.stdout, 'stdout')
const stderr = guard(process.stderr, 'stderr')
let status: number
try {
  status = await run(process.argv.slice(2), {stdout, stderr, env: process.env, cwd: process.cwd()})
} catch (error) {
  // Not a bad argument but a failure (e.g. a folder it may not read): exit 1.
  stderr.write(`${PROGRAM}: ${escapeControl(error instanceof Error ? error.message : String(error))}\n`)
  status = 1
}
process.exitCode ??= status
