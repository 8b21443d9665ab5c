// `npm run lint:package`, second half: attw over the packed packages. attw
// does not follow wildcard subpaths (`./locales/*`), so every locale's
// entries are named to it explicitly, from the locales the build generated:
// a new locale is checked without editing this file or package.json.
import {spawnSync} from 'node:child_process'
import {createRequire} from 'node:module'
import path from 'node:path'

// The locales are known once the content has been compiled (src/generated/).
const generated = await import('../src/generated/locales.js').catch(() => undefined)
if (generated === undefined) {
  process.stderr.write('lint:package: expected src/generated/locales.ts, found none; run `npm run build` (or `npm run build -- --data-only`) first\n')
  process.exit(2)
}
const {LOCALES} = generated
const require = createRequire(import.meta.url)
const manifest = require.resolve('@arethetypeswrong/cli/package.json')
const {bin} = require(manifest) as {bin: Record<string, string>}
const entrypoints = LOCALES.flatMap((tag) => [`./locales/${tag}`, `./locales/${tag}/render`, `./locales/${tag}/guide.json`])
const attw = path.join(path.dirname(manifest), bin['attw']!)
const run = spawnSync(process.execPath, [attw, '--pack', '.', '--include-entrypoints', ...entrypoints, ...process.argv.slice(2)], {stdio: 'inherit'})
// Then the check package (packages/check/), packed as built just now: its
// `prepack` would build everything a second time.
const check = spawnSync(process.execPath, [attw, '--pack', 'packages/check', ...process.argv.slice(2)], {stdio: 'inherit', env: {...process.env, npm_config_ignore_scripts: 'true'}})
process.exitCode = run.status === 0 ? (check.status ?? 1) : (run.status ?? 1)
