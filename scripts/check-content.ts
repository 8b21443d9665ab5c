// npm run check:content [-- content-dir]: the content lint alone, exactly as
// the bin's `check` command runs it (file:line:column diagnostics; exit 1 on
// errors, 0 when clean, 2 for bad arguments). Writes nothing.
import {run} from '../cli/run.js'

process.exitCode = await run(['check', ...process.argv.slice(2)], {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
})
