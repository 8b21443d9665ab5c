#!/usr/bin/env node
// The `ace-second-interview` bin. Built to dist/cli.js with every dependency
// bundled in, so the installed package needs none.
import {PROGRAM} from './help.js'
import {run} from './run.js'

try {
  process.exitCode = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  })
} catch (error) {
  // Not a bad argument but a failure (e.g. a folder it may not read): exit 1.
  process.stderr.write(`${PROGRAM}: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
