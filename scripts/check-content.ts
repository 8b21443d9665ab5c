// npm run check:content [-- [content-dir] [--format <format>] [--strict] [--watch]]: the
// content lint alone, file:line:column diagnostics; exit 1 on errors, 0 when
// clean, 2 for bad arguments. Writes nothing. `npm run dev` is `--watch`.
import {checkContentCommand} from './lib/check-content.js'

process.exitCode = await checkContentCommand(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd()})
