// npm run content:version [-- --release patch|minor|major] [--date YYYY-MM-DD]
// [--dry-run] [--amend] [--root <dir>]: record a content release. The work is
// in scripts/lib/content-version.ts; see content/README.md#versioning-policy.
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {contentVersion} from './lib/content-version.js'

process.exitCode = await contentVersion(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
})
