// Lint content/ (or the folder given) and print file:line:column diagnostics.
// Exit 0 when clean, 1 on errors. Writes nothing.
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {buildGuide, formatDiagnostics} from '../pipeline/index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const contentDir = path.resolve(process.argv[2] ?? path.join(root, 'content'))
const result = await buildGuide({contentDir, version: '0.0.0', cwd: process.cwd()})
const color = process.stdout.isTTY && !('NO_COLOR' in process.env)
const report = formatDiagnostics(result.files, {color, tips: true})
if (result.guide === undefined) {
  process.stderr.write(report)
  process.exitCode = 1
} else {
  process.stdout.write(report || `check: ${path.relative(process.cwd(), contentDir) || '.'} is clean (${result.guide.steps.length} steps)\n`)
}
