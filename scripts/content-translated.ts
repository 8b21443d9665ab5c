// npm run content:translated -- <locale> (<id>… | --all) [--dry-run] [--root <dir>]:
// mark translations current against today's source (writes
// content/locales/<locale>/translation.json). The work is in
// scripts/lib/content-translated.ts; see content/README.md#translating.
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {contentTranslated} from './lib/content-translated.js'

process.exitCode = await contentTranslated(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
})
