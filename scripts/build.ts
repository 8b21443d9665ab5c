// Build: content/*.md (and content/locales/<tag>/) → lint → src/generated/{guide,render,releases}-data.ts,
// locales.ts and locales/<tag>/{guide,render}-data.ts → tsup → dist/.
// `--data-only` stops after src/generated/ (what `npm run test:content` needs).
// Fails closed: any content problem stops it with file:line:column messages,
// and dist/ is replaced only once a complete new one exists beside it.
import {copyFile, mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {Worker} from 'node:worker_threads'
import type {Options} from 'tsup'
import {crashHookFromEnv, repairSwap, swapDirectory} from '../pipeline/atomic.js'
import {type LocaleBuild, buildGuide, buildRules, emitDataModule, emitIdsModule, emitLocaleDataModule, emitLocaleRenderModule, emitLocalesModule, emitRenderModule, formatDiagnostics, shouldUseColor} from '../pipeline/index.js'
import {MANIFEST_FILE} from '../pipeline/manifest.js'
import {emitReleasesModule, releasesFromManifest} from '../pipeline/releases.js'
import {toJsonSchema} from '../src/schema.js'
import {cacheKey, inputClosure, produceAndStore, prune, restore} from './build-cache.js'
import {bundlePath, bundleScript} from './bundle-script.mjs'
import {PACKAGE_DECLARATIONS} from './declarations.js'
import type {DeclarationReply, DeclarationRequest} from './declarations-worker.js'
import {writeLocaleFiles} from './locale-dist.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const generated = path.join(root, 'src', 'generated', 'guide-data.ts')
const generatedRender = path.join(root, 'src', 'generated', 'render-data.ts')
const USAGE = 'usage: npm run build -- [--content <dir>] [--out-dir <dir>] [--data-only] [--no-cache] [--profile]'

// `--profile`: each phase's wall time on stderr (bench/figures/build.ts reads it).
const started = performance.now()
let profiling = false
let mark = started
function phase(name: string): void {
  const now = performance.now()
  if (profiling) process.stderr.write(`build-profile: ${name} ${(now - mark).toFixed(0)} ms\n`)
  mark = now
}

async function main(): Promise<number> {
  let values: {content?: string; 'out-dir'?: string; 'data-only'?: boolean; 'no-cache'?: boolean; profile?: boolean}
  try {
    ;({values} = parseArgs({options: {content: {type: 'string'}, 'out-dir': {type: 'string'}, 'data-only': {type: 'boolean'}, 'no-cache': {type: 'boolean'}, profile: {type: 'boolean'}}}))
  } catch (error) {
    process.stderr.write(`build: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  profiling = values.profile === true
  // From the process's start to this module's first line: Node, the imports,
  // and bundling this script (scripts/run-without-tsx.mjs, what `npm run
  // build` runs) or tsx's loader hooks (`node --import tsx`).
  if (profiling) process.stderr.write(`build-profile: start-up and imports ${started.toFixed(0)} ms\n`)
  mark = performance.now()
  const contentDir = path.resolve(values.content ?? path.join(root, 'content'))
  const dist = path.resolve(values['out-dir'] ?? path.join(root, 'dist'))
  // A build killed mid-swap may have left no dist/: put the last one back first.
  const repaired = await repairSwap(dist)
  if (repaired.restored !== undefined) {
    process.stderr.write(`build: an interrupted build had left no ${path.basename(dist)}/; restored it from ${path.basename(repaired.restored)}\n`)
  }
  // The declarations' worker starts loading TypeScript now, beside the pipeline.
  if (values['data-only'] !== true) declarationWorker = new DeclarationWorker()
  try {
    return await compile(values, contentDir, dist)
  } finally {
    await declarationWorker?.stop()
  }
}

async function compile(values: {'data-only'?: boolean; 'no-cache'?: boolean}, contentDir: string, dist: string): Promise<number> {
  const cached = values['no-cache'] !== true && process.env['ACE_BUILD_CACHE'] !== '0'
  // Staged beside the target so the final rename stays on one file system.
  const staging = `${dist}.staging-${process.pid}`
  // The check entry reads no generated file: esbuild bundles its megabyte on
  // the other core while this thread runs the pipeline.
  const early = values['data-only'] === true ? undefined : startCheckEntry(staging, cached)
  // Awaited below (bundle()); a failure while the content stops the build first is not unhandled.
  early?.done.catch(() => undefined)
  try {
    return await compileInto(values, contentDir, dist, staging, cached, early)
  } finally {
    await early?.done.catch(() => undefined)
    await rm(staging, {recursive: true, force: true})
  }
}

async function compileInto(values: {'data-only'?: boolean}, contentDir: string, dist: string, staging: string, cached: boolean, early: EarlyPart | undefined): Promise<number> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {version: string}
  // Spelling is the editor's check (npm run check:content): its dictionaries
  // cost seconds, and its warnings never stop a build.
  const result = await buildGuide({contentDir, version: pkg.version, cwd: root, rules: buildRules})
  phase('pipeline (load, lint, compile every locale)')
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
  await writeIfChanged(path.join(path.dirname(generated), 'ids.ts'), emitIdsModule(result.guide))
  await writeIfChanged(generatedRender, emitRenderModule(result.render))
  await writeIfChanged(path.join(path.dirname(generated), 'releases-data.ts'), emitReleasesModule(releasesFromManifest(result.manifest)))
  await writeLocales(path.dirname(generated), result.guide.locale, result.locales)
  phase('write src/generated')
  if (values['data-only'] === true) {
    process.stdout.write(`build: ${result.guide.steps.length} steps${localesNote(result.locales)}, content ${result.guide.version} → src/generated (--data-only: dist/ left as it was)\n`)
    return 0
  }

  {
    if (!(await bundle(staging, cached, early))) {
      process.stderr.write(`build: bundling failed (tsup or the declarations); ${path.relative(root, dist) || dist} was left as it was.\n`)
      return 1
    }
    phase('tsup (all configs)')
    // The JSON forms, for apps that fetch or cache the guide as data.
    await writeFile(path.join(staging, 'guide.json'), `${JSON.stringify(result.guide, null, 2)}\n`)
    await writeFile(path.join(staging, 'schema.json'), `${JSON.stringify(toJsonSchema(), null, 2)}\n`)
    // Each locale's guide as data too, the source's included (`./locales/<tag>/guide.json`).
    for (const {tag, guide} of [{tag: result.guide.locale, guide: result.guide}, ...result.locales]) {
      await mkdir(path.join(staging, 'locales', tag), {recursive: true})
      await writeFile(path.join(staging, 'locales', tag, 'guide.json'), `${JSON.stringify(guide, null, 2)}\n`)
    }
    // Each locale's declarations (tsup writes their JavaScript).
    await writeLocaleFiles(staging, root, [result.guide.locale, ...result.locales.map((locale) => locale.tag)])
    await publishManifest(contentDir, staging)
    // Two renames; see swapDirectory for the moment between them.
    phase('JSON, locale declarations, manifest')
    await swapDirectory(staging, dist, crashHookFromEnv())
    phase('swap')
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

// tsup.config.ts's configs, run through tsup's JS API in this process (no
// second Node start-up, no second load of the config), all at once, each
// into a folder of its own whose files are then copied into `outDir`. With
// `cached`, a config whose inputs have not changed since a build that stored
// it is not run: its files come from the cache (scripts/build-cache.ts).
// Returns false when a config or the declarations failed (each reason is printed).
async function bundle(outDir: string, cached: boolean, early: EarlyPart | undefined): Promise<boolean> {
  const configs = await loadTsupConfig()
  phase('load tsup.config.ts')
  const list = (Array.isArray(configs) ? configs : [configs]) as Options[]
  // The declarations (scripts/declarations.ts), beside the configs: they read
  // their entries' closure and the scripts that make them.
  const declarations = bundlePart(
    `declarations ${PACKAGE_DECLARATIONS.map((entry) => entry.name).join('+')}`,
    outDir,
    cached,
    async () => {
      const entries = PACKAGE_DECLARATIONS.map((entry) => path.join(root, entry.source))
      const scripts = ['declarations.ts', 'declarations-worker.ts'].map((name) => path.join(root, 'scripts', name))
      const inputs = [...new Set([...(await inputClosure(root, [...entries, path.join(root, 'package.json')])), ...READ_BY_EVERY_PART, ...scripts])]
      return cacheKey(root, `declarations ${JSON.stringify(PACKAGE_DECLARATIONS)}`, inputs)
    },
    (folder) => (declarationWorker ??= new DeclarationWorker()).write(folder),
  )
  const results = await Promise.allSettled([
    declarations,
    ...(early === undefined ? [] : [early.done]),
    ...list.flatMap((config, index) => {
      const name = Object.keys(config.entry as object).join('+')
      return name === early?.name ? [] : [configPart(`tsup config ${index} ${name}`, config, path.join(root, 'tsup.config.ts'), outDir, cached)]
    }),
  ])
  const failed = results.filter((result) => result.status === 'rejected')
  for (const failure of failed) process.stderr.write(`build: ${String((failure.reason as Error)?.message ?? failure.reason)}\n`)
  if (cached && failed.length === 0) await prune(root)
  return failed.length === 0
}

// This script and the cache's own code decide how tsup is called: any change
// to them is a change of every part. And the text of src/locale-api.ts,
// whose export list tsup.config.ts reads (by a computed path, and only its
// text: what it imports is not followed, or every config would depend on the content).
const READ_BY_EVERY_PART = [path.join(root, 'src', 'locale-api.ts'), fileURLToPath(import.meta.url), path.join(root, 'scripts', 'build-cache.ts')]

// One tsup config, as a part of the bundle. It reads its entries' closure,
// the file that defines it and what that reaches, the compiler settings and
// the package manifest.
function configPart(label: string, config: Options, definedIn: string, outDir: string, cached: boolean, readsGenerated = true): Promise<void> {
  return bundlePart(
    label,
    outDir,
    cached,
    async () => {
      const entries = Object.values(config.entry as Record<string, string>).map((file) => path.join(root, file))
      const common = [definedIn, path.join(root, 'tsconfig.json'), path.join(root, 'package.json')]
      // The locale plugins resolve src/ files by computed paths (each
      // locale's generated data, its grammar): such a config reads all of src/.
      const plugins = (config.esbuildPlugins ?? []).map((plugin) => plugin.name)
      const readsAllOfSrc = plugins.some((name) => !READS_NO_SOURCE.has(name))
      // A config that reads no generated module (its build fails if it tries)
      // may still reach one through a type-only import, which its output
      // never holds; it is not read (the pipeline may be writing it).
      const closure = await inputClosure(root, [...entries, ...common, ...(readsAllOfSrc ? [path.join(root, 'src')] : [])], readsGenerated ? undefined : GENERATED_FOLDER)
      const inputs = [...new Set([...closure, ...READ_BY_EVERY_PART])]
      return cacheKey(root, describe(config), inputs)
    },
    // tsup itself is loaded only when a config has to be built.
    async (folder) => (await import('tsup')).build({...config, outDir: folder, config: false, silent: true}),
  )
}

/** A part of the bundle started before the pipeline: the check entry. */
interface EarlyPart {
  /** Its config's entry names, as bundle() would label it. */
  readonly name: string
  readonly done: Promise<void>
}

// The check entry's config (scripts/tsup-check.ts, which tsup.config.ts
// lists too), started at once: neither it nor what it bundles reads
// src/generated/, which the pipeline is about to write.
function startCheckEntry(outDir: string, cached: boolean): EarlyPart {
  const file = path.join(root, 'scripts', 'tsup-check.ts')
  return {
    name: 'check',
    done: loadBundled(file).then((module) => {
      const config = (module as {CHECK_ENTRY: Options}).CHECK_ENTRY
      return configPart('tsup config check', {...config, esbuildPlugins: [...(config.esbuildPlugins ?? []), refuseGenerated]}, file, outDir, cached, false)
    }),
  }
}

const GENERATED_FOLDER = path.join(root, 'src', 'generated') + path.sep

/** Fails a build that imports a module of src/generated/ (one started before the pipeline has written them). */
// Plugins that resolve no src/ file themselves: a config with only these
// reads what its imports reach, not all of src/ (so an edit elsewhere in
// src/ keeps its cached bundle).
const READS_NO_SOURCE: ReadonlySet<string> = new Set(['third-party-notices', 'load-check-entry-at-run-time', 'refuse-generated'])

const refuseGenerated: import('esbuild').Plugin = {
  name: 'refuse-generated',
  setup(builder) {
    builder.onResolve({filter: /generated/}, (args) =>
      args.importer !== '' && path.resolve(path.dirname(args.importer), args.path).startsWith(GENERATED_FOLDER)
        ? {errors: [{text: `expected the check entry to read no module of src/generated/ (it is built while the pipeline writes them), found an import of ${args.path} in ${path.relative(root, args.importer)}`}]}
        : undefined,
    )
  },
}

// tsup.config.ts's configs (the check entry's are started before, by
// startCheckEntry).
async function loadTsupConfig(): Promise<unknown> {
  return ((await loadBundled(path.join(root, 'tsup.config.ts'))) as {default: unknown}).default
}

// A TypeScript module, bundled by esbuild (packages stay imports) and
// loaded: so the same way whether this script runs under tsx or bundled
// (scripts/run-without-tsx.mjs), which could not bundle tsup.config.ts
// ahead: it reads src/generated/, which the pipeline writes as this script
// runs. Each file's `import.meta.url` is its own, as under tsx.
async function loadBundled(file: string): Promise<unknown> {
  const outfile = bundlePath(root, file)
  await bundleScript(file, outfile)
  try {
    return await import(pathToFileURL(outfile).href)
  } finally {
    await rm(outfile, {force: true})
  }
}

// scripts/declarations-worker.ts: one worker per build, asked once.
let declarationWorker: DeclarationWorker | undefined
class DeclarationWorker {
  // The worker runs plain JavaScript, without tsx: its loader hooks (a
  // thread of their own, a round trip for every module loaded) cost the
  // worker more CPU than making its declarations. esbuild, in the worker,
  // bundles the worker's own modules into one ES module in the cache folder
  // (packages stay imports, resolved from node_modules), which it then loads.
  readonly #worker = new Worker(
    [
      `const entry = ${JSON.stringify(fileURLToPath(new URL('./declarations-worker.ts', import.meta.url)))}`,
      `const file = ${JSON.stringify(bundlePath(root, fileURLToPath(new URL('./declarations-worker.ts', import.meta.url))))}`,
      `import(${JSON.stringify(new URL('./bundle-script.mjs', import.meta.url).href)})`,
      '  .then(({bundleScript}) => bundleScript(entry, file))',
      "  .then(() => import(require('node:url').pathToFileURL(file).href))",
      "  .finally(() => require('node:fs').rmSync(file, {force: true}))",
    ].join('\n'),
    {eval: true, execArgv: []},
  )
  readonly #failed = new Promise<never>((_resolve, reject) => {
    this.#worker.once('error', reject)
    this.#worker.once('exit', (code) => reject(new Error(`declarations: the worker exited (code ${code}) before it answered`)))
  })

  constructor() {
    // Only a pending write() reports a failure; one with no write pending is not unhandled.
    this.#failed.catch(() => undefined)
  }

  async write(outDir: string): Promise<void> {
    const reply = new Promise<DeclarationReply>((resolve) => this.#worker.once('message', resolve))
    this.#worker.postMessage({root, outDir, entries: PACKAGE_DECLARATIONS} satisfies DeclarationRequest)
    const answer = await Promise.race([reply, this.#failed])
    if (!answer.ok) throw new Error(answer.message)
  }

  async stop(): Promise<void> {
    await this.#worker.terminate()
  }
}

// One part of the bundle (a tsup config, or the declarations): run into
// `outDir`, or with `cached` restored from the cache entry `key()` names
// (run and stored there first when there is none). `--profile` prints its
// label, how it came, and how long it took.
async function bundlePart(label: string, outDir: string, cached: boolean, key: () => Promise<string>, run: (folder: string) => Promise<void>): Promise<void> {
  const begun = performance.now()
  let how = 'built'
  if (!cached) {
    await run(outDir)
  } else {
    const entry = await key()
    if (await restore(root, entry, outDir)) how = 'cached'
    else await produceAndStore(root, entry, outDir, run)
  }
  if (profiling) process.stderr.write(`build-profile:   ${label}: ${how} in ${(performance.now() - begun).toFixed(0)} ms\n`)
}

// A config as text, its functions (plugins' setup, hooks) as their source.
function describe(config: Options): string {
  return JSON.stringify(config, (_key, value: unknown) => (typeof value === 'function' ? `function ${value.toString()}` : value instanceof RegExp ? `regexp ${value.toString()}` : value))
}

process.exitCode = await main()
