// Build: content/*.md (and content/locales/<tag>/) → lint → src/generated/ (ids.ts, releases-data.ts,
// locales.ts, import-locale.ts, import-content.ts, source.ts, source-render.ts, and each locale's
// locales/<tag>/{guide-data,render-data,ordinals,index,render}.ts) → tsup → dist/,
// and the check package's packages/check/dist/ (with --out-dir <dir>, <dir>/check/).
// `--data-only` stops after src/generated/ (what `npm run test:content` needs).
// Fails closed: any content problem stops it with file:line:column messages,
// and dist/ is replaced only once a complete new one exists beside it.
import {mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {repairSwap, swapDirectory} from '../pipeline/atomic.js'
import {escapeControl} from '../pipeline/terminal.js'
import {toJsonSchema} from '../src/schema.js'
import {writeDeclarations, writeLocaleFiles} from './declarations.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const generated = path.join(root, 'src', 'generated')
const USAGE = 'usage: npm run build -- [--content <dir>] [--out-dir <dir>] [--data-only]'
/** Written into every output: the build replaces only a folder that holds it, an empty one, none, or the repository's own dist/. */
const MARKER = '.ace-build'

async function main(): Promise<number> {
  let values: {content?: string; 'out-dir'?: string; 'data-only'?: boolean}
  try {
    ;({values} = parseArgs({options: {content: {type: 'string'}, 'out-dir': {type: 'string'}, 'data-only': {type: 'boolean'}}}))
  } catch (error) {
    process.stderr.write(`build: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  const contentDir = path.resolve(values.content ?? path.join(root, 'content'))
  const dist = path.resolve(values['out-dir'] ?? path.join(root, 'dist'))
  const found = await notOurs(dist)
  if (found !== undefined) {
    process.stderr.write(`build: expected --out-dir to name a folder the build made (with ${MARKER} in it), an empty folder or none; found ${found} at ${escapeControl(dist)}. Nothing was changed.\n${USAGE}\n`)
    return 2
  }
  // A build killed mid-swap may have left no dist/: put the last one back first.
  // The check package's own folder; with --out-dir, inside it (swapped with it).
  const checkDist = values['out-dir'] === undefined ? path.join(root, 'packages', 'check', 'dist') : undefined
  for (const target of checkDist === undefined ? [dist] : [dist, checkDist]) {
    const restored = await repairSwap(target)
    if (restored !== undefined) {
      process.stderr.write(`build: an interrupted build had left no ${path.basename(target)}/; restored it from ${path.basename(restored)}\n`)
    }
  }
  // Staged beside the target so the final rename stays on one file system.
  const staging = `${dist}.staging-${process.pid}`
  const checkStaging = checkDist === undefined ? path.join(staging, 'check') : `${checkDist}.staging-${process.pid}`
  try {
    return await compileInto(values['data-only'] === true, contentDir, dist, staging, checkDist, checkStaging)
  } finally {
    await rm(staging, {recursive: true, force: true})
    await rm(checkStaging, {recursive: true, force: true})
  }
}

// `ace-second-interview/check`: the check package re-exported, in each
// format, so that apps' imports of the subpath work once they install it
// (and fail naming it until they do).
const CHECK_SUBPATH: Readonly<Record<string, string>> = {
  'check.js': "export * from 'ace-second-interview-check'\n",
  'check.cjs': "module.exports = require('ace-second-interview-check')\n",
  'check.d.ts': "export * from 'ace-second-interview-check'\n",
  'check.d.cts': "export * from 'ace-second-interview-check'\n",
}

// Named in the line per locale that counts the warnings of translations behind.
const CHECK_VERBOSE = 'npm run check:content -- --verbose'

// Into `staging`, then swapped into `dist`; the check package into
// `checkStaging`, then `checkDist` (`undefined` with --out-dir: it is inside `staging`).
async function compileInto(dataOnly: boolean, contentDir: string, dist: string, staging: string, checkDist: string | undefined, checkStaging: string): Promise<number> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {version: string}
  // Spelling is the editor's check (npm run check:content): its warnings
  // never stop a build.
  // Loaded only now: a refused --out-dir or bad argument answers at once.
  const [{buildGuide, buildRules, emitDataModule, emitEntryModules, emitIdsModule, emitLocalesModule, emitRenderModule, formatDiagnostics, shouldUseColor}, {emitReleasesModule, releasesFromManifest}] = await Promise.all([
    import('../pipeline/index.js'),
    import('../pipeline/release/emit-releases.js'),
  ])
  const result = await buildGuide({contentDir, version: pkg.version, cwd: root, rules: buildRules})
  const color = shouldUseColor({isTTY: process.stderr.isTTY, env: process.env})
  if (result.guide === undefined || result.render === undefined) {
    process.stderr.write(formatDiagnostics(result.files, {color, tips: true, summarize: CHECK_VERBOSE}))
    process.stderr.write(`build: content has errors; ${path.relative(root, dist) || dist} was left as it was.\n`)
    return 1
  }
  // Warnings (a missing or outdated translation) do not stop the build; they are shown.
  if (result.files.some((file) => file.messages.length > 0)) process.stderr.write(formatDiagnostics(result.files, {color, summarize: CHECK_VERBOSE}))
  const locales = [{tag: result.guide.locale, guide: result.guide, render: result.render}, ...result.locales]
  const translations = result.locales.map((locale) => locale.tag)
  await writeGenerated({
    'ids.ts': emitIdsModule(result.guide),
    'releases-data.ts': emitReleasesModule(releasesFromManifest(result.manifest)),
    'locales.ts': emitLocalesModule(result.guide.locale, translations),
    ...emitEntryModules(result.guide.locale, translations, result.ordinals),
    ...Object.fromEntries(
      locales.flatMap(({tag, guide, render}) => [
        [`locales/${tag}/guide-data.ts`, emitDataModule(guide, result.ordinals)],
        [`locales/${tag}/render-data.ts`, emitRenderModule(render)],
      ]),
    ),
  })
  if (dataOnly) {
    process.stdout.write(`build: ${result.guide.steps.length} steps${localesNote(result.locales)}, content ${result.guide.version} → src/generated (--data-only: dist/ left as it was)\n`)
    return 0
  }

  if (!(await bundle(staging, checkStaging))) {
    process.stderr.write(`build: bundling failed (tsup or the declarations); ${path.relative(root, dist) || dist} was left as it was.\n`)
    return 1
  }
  // The JSON forms, for apps that fetch or cache the guide as data: compact,
  // as every app installs them (a third of indented JSON is whitespace).
  await writeFile(path.join(staging, 'schema.json'), `${JSON.stringify(toJsonSchema())}\n`)
  // Each locale's guide (`./locales/<tag>/guide.json`; `./guide.json` is the
  // source's, named in package.json).
  for (const {tag, guide} of locales) {
    await mkdir(path.join(staging, 'locales', tag), {recursive: true})
    await writeFile(path.join(staging, 'locales', tag, 'guide.json'), `${JSON.stringify(guide)}\n`)
  }
  await writeLocaleFiles(staging, root, locales.map((locale) => locale.tag))
  await publishManifest(contentDir, staging)
  for (const [name, text] of Object.entries(CHECK_SUBPATH)) await writeFile(path.join(staging, name), text)
  await writeFile(path.join(staging, MARKER), 'Made by `npm run build`, which replaces only a folder that holds this file.\n')
  // Two renames; see swapDirectory for the moment between them.
  if (checkDist !== undefined) await swapDirectory(checkStaging, checkDist)
  await swapDirectory(staging, dist)
  process.stdout.write(`build: ${result.guide.steps.length} steps${localesNote(result.locales)}, content ${result.guide.version} → ${path.relative(root, dist) || dist}\n`)
  return 0
}

// What stands at `dist` that the build must not replace, if anything. The
// repository's dist/ is always its own (one built before the marker existed has none).
async function notOurs(dist: string): Promise<string | undefined> {
  if (dist === path.join(root, 'dist')) return undefined
  try {
    const names = await readdir(dist)
    return names.length === 0 || names.includes(MARKER) ? undefined : `a folder of ${names.length} ${names.length === 1 ? 'entry' : 'entries'} without ${MARKER}`
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? undefined : code === 'ENOTDIR' ? 'a file' : `an error (${code})`
  }
}

// The release history, as `ace-second-interview/manifest.json`: a fork's
// `checkContent(dir, {manifest})` then knows every id the package published
// or retired. Its data as it is (the build has already checked it), compact.
// Content that has never been released has none to publish.
async function publishManifest(contentDir: string, staging: string): Promise<void> {
  try {
    const {MANIFEST_FILE} = await import('../pipeline/release/manifest.js')
    await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(JSON.parse(await readFile(path.join(contentDir, MANIFEST_FILE), 'utf8')))}\n`)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

// Write src/generated/: each module by its path there. Any other file there
// (a locale that is gone, a module of an older layout) is removed, so no
// stale module is ever bundled.
async function writeGenerated(modules: Readonly<Record<string, string>>): Promise<void> {
  await mkdir(generated, {recursive: true})
  for (const entry of await readdir(generated, {recursive: true, withFileTypes: true})) {
    const name = path.relative(generated, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
    if (entry.isFile() && !Object.hasOwn(modules, name)) await rm(path.join(generated, name))
  }
  for (const [name, text] of Object.entries(modules)) {
    await mkdir(path.dirname(path.join(generated, name)), {recursive: true})
    await writeIfChanged(path.join(generated, name), text)
  }
}

function localesNote(locales: readonly unknown[]): string {
  return locales.length === 0 ? '' : ` in ${locales.length + 1} locales`
}

// Same bytes, same mtime: keeps watchers and incremental tools quiet.
async function writeIfChanged(file: string, text: string): Promise<void> {
  const old = await readFile(file, 'utf8').catch(() => undefined)
  if (old !== text) await writeFile(file, text)
}

// tsup.config.ts's configs, run through tsup's JS API in this process, all
// at once, beside the declarations (scripts/declarations.ts). The config is
// imported only now: it reads src/generated/, which the pipeline has just
// written. A config with an `outDir` of its own (the check package's) is
// built into `checkOutDir`, the others into `outDir`. Returns false when a
// config or the declarations failed (each reason is printed).
async function bundle(outDir: string, checkOutDir: string): Promise<boolean> {
  const [{build}, {default: configs}] = await Promise.all([import('tsup'), import('../tsup.config.js')])
  const results = await Promise.allSettled([
    writeDeclarations(root, outDir, {index: 'src/index.ts', render: 'src/render/index.ts'}, false),
    writeDeclarations(root, checkOutDir, {index: 'pipeline/check.ts'}, true),
    ...configs.map((config) => build({...config, outDir: config.outDir === undefined ? outDir : checkOutDir, config: false, silent: true})),
  ])
  const failed = results.filter((result) => result.status === 'rejected')
  for (const failure of failed) process.stderr.write(`build: ${String((failure.reason as Error)?.message ?? failure.reason)}\n`)
  return failed.length === 0
}

process.exitCode = await main()
