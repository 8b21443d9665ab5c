#!/usr/bin/env node
// The `ace-second-interview` bin. Built to dist/cli.js with every dependency
// bundled in, so the installed package needs none.
import {escapeControl} from './color.js'
import {PROGRAM} from './help.js'
import {guardStreams} from './output.js'
import {run} from './run.js'

// A closed pipe ends the output quietly; a full disk is one line and status 1.
const streams = guardStreams(process, () => (process.exitCode = 1))
let status: number
try {
  status = await run(process.argv.slice(2), {stdout: streams.stdout, stderr: streams.stderr, env: process.env, cwd: process.cwd()})
} catch (error) {
  // Not a bad argument but a failure (e.g. a folder it may not read): exit 1.
  streams.stderr.write(`${PROGRAM}: ${escapeControl(error instanceof Error ? error.message : String(error))}\n`)
  status = 1
}
process.exitCode = streams.failed() ? 1 : status
