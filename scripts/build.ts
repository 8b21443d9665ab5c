// Build: content/*.md (and content/locales/<tag>/) → lint → src/generated/{guide,render,releases}-data.ts,
// locales.ts and locales/<tag>/{guide,render}-data.ts → tsup → dist/.
// `--data-only` stops after src/generated/ (what `npm run test:content` needs).
// Fails closed: any content problem stops it with file:line:column messages,
// and dist/ is replaced only once a complete new one exists beside it.
import {spawnSync} from 'node:child_process'
import {copyFile, mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {crashHookFromEnv, repairSwap, swapDirectory} from '../pipeline/atomic.js'
import {type LocaleBuild, buildGuide, buildRules, emitDataModule, emitLocaleDataModule, emitLocaleRenderModule, emitLocalesModule, emitRenderModule, formatDiagnostics, shouldUseColor} from '../pipeline/index.js'
import {MANIFEST_FILE} from '../pipeline/manifest.js'
import {emitReleasesModule, releasesFromManifest} from '../pipeline/releases.js'
import {toJsonSchema} from '../src/schema.js'
import {writeLocaleFiles} from './locale-dist.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const generated = path.join(root, 'src', 'generated', 'guide-data.ts')
const generatedRender = path.join(root, 'src', 'generated', 'render-data.ts')
const USAGE = 'usage: tsx scripts/build.ts [--content <dir>] [--out-dir <dir>] [--data-only]'

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
  // A build killed mid-swap may have left no dist/: put the last one back first.
  const repaired = await repairSwap(dist)
  if (repaired.restored !== undefined) {
    process.stderr.write(`build: an interrupted build had left no ${path.basename(dist)}/; restored it from ${path.basename(repaired.restored)}\n`)
  }
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {version: string}
  // Spelling is the editor's check (npm run check:content): its dictionaries
  // cost seconds, and its warnings never stop a build.
  const result = await buildGuide({contentDir, version: pkg.version, cwd: root, rules: buildRules})
  const color = shouldUseColor({isTTY: process.stderr.isTTY, env: process.env})
  if (result.guide === undefined || result.render === undefined) {
    process.stderr.write(formatDiagnostics(result.files, {color, tips: true}))
    process.stderr.write(`build: content has errors; ${path.relative(root, dist) || dist} was left as it was.\n`)
    return 1
  }
  // Warnings (a missing or outdated translation) do not stop the build; they are shown.
  if (result.files.some((file) => file.messages.length > 0)) process.stderr.write(formatDiagnostics(result.files, {color}))
  await mkdir(path.dirname(generated), {recursive: true})
  await writeIfChanged(generated, emitDataModule(result.guide))
  await writeIfChanged(generatedRender, emitRenderModule(result.render))
  await writeIfChanged(path.join(path.dirname(generated), 'releases-data.ts'), emitReleasesModule(releasesFromManifest(result.manifest)))
  await writeLocales(path.dirname(generated), result.guide.locale, result.locales)
  if (values['data-only'] === true) {
    process.stdout.write(`build: ${result.guide.steps.length} steps${localesNote(result.locales)}, content ${result.guide.version} → src/generated (--data-only: dist/ left as it was)\n`)
    return 0
  }

  // Staged beside the target so the final rename stays on one file system.
  const staging = `${dist}.staging-${process.pid}`
  try {
    const tsup = resolveBin('tsup')
    const run = spawnSync(process.execPath, [tsup, '--out-dir', staging], {cwd: root, stdio: 'inherit'})
    if (run.status !== 0) {
      process.stderr.write(`build: tsup failed; ${path.relative(root, dist) || dist} was left as it was.\n`)
      return 1
    }
    // The JSON forms, for apps that fetch or cache the guide as data.
    await writeFile(path.join(staging, 'guide.json'), `${JSON.stringify(result.guide, null, 2)}\n`)
    await writeFile(path.join(staging, 'schema.json'), `${JSON.stringify(toJsonSchema(), null, 2)}\n`)
    // Each locale's guide as data too, the source's included (`./locales/<tag>/guide.json`).
    for (const {tag, guide} of [{tag: result.guide.locale, guide: result.guide}, ...result.locales]) {
      await mkdir(path.join(staging, 'locales', tag), {recursive: true})
      await writeFile(path.join(staging, 'locales', tag, 'guide.json'), `${JSON.stringify(guide, null, 2)}\n`)
    }
    // Each locale's declarations (tsup writes their JavaScript).
    await writeLocaleFiles(staging, root)
    await publishManifest(contentDir, staging)
    // Two renames; see swapDirectory for the moment between them.
    await swapDirectory(staging, dist, crashHookFromEnv())
  } finally {
    await rm(staging, {recursive: true, force: true})
  }
  process.stdout.write(`build: ${result.guide.steps.length} steps${localesNote(result.locales)}, content ${result.guide.version} → ${path.relative(root, dist) || dist}\n`)
  return 0
}

// The release history, as `ace-second-interview/manifest.json`: a fork's
// `checkContent(dir, {manifest})` then knows every id the package published
// or retired. Copied as it is (the build has already checked it). Content
// that has never been released has none to publish.
async function publishManifest(contentDir: string, staging: string): Promise<void> {
  try {
    await copyFile(path.join(contentDir, MANIFEST_FILE), path.join(staging, MANIFEST_FILE))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

// src/generated/locales.ts, and locales/<tag>/{guide,render}-data.ts for each
// translation; a folder left by a locale that is gone is removed, so no stale
// locale is ever bundled.
async function writeLocales(folder: string, source: string, locales: readonly LocaleBuild[]): Promise<void> {
  await writeIfChanged(path.join(folder, 'locales.ts'), emitLocalesModule(source, locales.map((locale) => locale.tag)))
  const base = path.join(folder, 'locales')
  await mkdir(base, {recursive: true})
  const wanted = new Set(locales.map((locale) => locale.tag))
  for (const entry of await readdir(base)) if (!wanted.has(entry)) await rm(path.join(base, entry), {recursive: true, force: true})
  for (const locale of locales) {
    await mkdir(path.join(base, locale.tag), {recursive: true})
    await writeIfChanged(path.join(base, locale.tag, 'guide-data.ts'), emitLocaleDataModule(locale.guide))
    await writeIfChanged(path.join(base, locale.tag, 'render-data.ts'), emitLocaleRenderModule(locale.render))
  }
}

function localesNote(locales: readonly LocaleBuild[]): string {
  return locales.length === 0 ? '' : ` in ${locales.length + 1} locales`
}

// Same bytes, same mtime: keeps watchers and incremental tools quiet.
async function writeIfChanged(file: string, text: string): Promise<void> {
  const old = await readFile(file, 'utf8').catch(() => undefined)
  if (old !== text) await writeFile(file, text)
}

function resolveBin(name: string): string {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve(`${name}/package.json`)
  const {bin} = require(manifest) as {bin: string | Record<string, string>}
  const file = typeof bin === 'string' ? bin : (bin[name] ?? Object.values(bin)[0] ?? '')
  return path.join(path.dirname(manifest), file)
}

process.exitCode = await main()
