// The package as a consumer gets it: packed with `npm pack`, installed offline
// from the tarballs alone into a fresh project, then used from Node ESM and CJS,
// TypeScript (three module resolutions) and an esbuild browser bundle; and
// installed without the check package, as an app that only shows the guide.
//
// The tarballs and their installs are made once by test/setup/packed.ts.
import {execFileSync, spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {copyFile, cp, readFile, readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {runInNewContext} from 'node:vm'
import {build} from 'esbuild'
import {beforeAll, beforeEach, describe, expect, inject, it} from 'vitest'
import * as source from '../src/index.js'
import * as sourceRender from '../src/render/index.js'
import {oldestNodePolicy} from './e2e/oldest-node-policy.js'
import {ROOT, consumerProject} from './helpers.js'
import {publishedFiles} from './package-files.js'

const NAME = 'ace-second-interview'
const CHECK = 'ace-second-interview-check'
const FIXTURES = path.join(ROOT, 'test/fixtures/consumer')
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc')

const packed = inject('packed')
let consumer: string
let installed: string

function npm(args: readonly string[], cwd: string): string {
  return execFileSync('npm', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
}

// Node 20 warns that JSON modules are experimental; the import still works.
const JSON_MODULES_WARNING = /^\(node:\d+\) ExperimentalWarning: Importing JSON modules is an experimental feature.*\n\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)\n/

function node(file: string, executable = process.execPath): unknown {
  const run = spawnSync(executable, [file], {cwd: consumer, encoding: 'utf8'})
  expect(run.stderr.replace(JSON_MODULES_WARNING, '')).toBe('')
  expect(run.status).toBe(0)
  return JSON.parse(run.stdout)
}

function packResult(json: string): {files: ReadonlyArray<{path: string}>} {
  const [result] = JSON.parse(json) as Array<{files: ReadonlyArray<{path: string}>}>
  if (result === undefined) throw new Error(`npm pack printed no result: ${json}`)
  return result
}

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

beforeAll(async () => {
  consumer = await consumerProject(packed, 'consumer-tests')
  installed = path.join(consumer, 'node_modules', NAME)
  for (const name of await readdir(FIXTURES)) await copyFile(path.join(FIXTURES, name), path.join(consumer, name))
})

describe('packed package', () => {
  it('lists exactly the committed files, in npm pack --dry-run, the tarball and the install', async () => {
    const expected = await publishedFiles()
    const dryRun = packResult(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT))
    expect(dryRun.files.map((file) => file.path).sort()).toEqual(expected)
    expect(packed.files.map((file) => file.path).sort()).toEqual(expected)
    expect(await listFiles(installed)).toEqual(expected)
    const check = ['LICENSE', 'README.md', 'dist/THIRD-PARTY-NOTICES.md', 'dist/index.cjs', 'dist/index.d.cts', 'dist/index.d.ts', 'dist/index.js', 'package.json']
    expect(packed.checkFiles.map((file) => file.path).sort()).toEqual(check)
    expect(await listFiles(path.join(consumer, 'node_modules', CHECK))).toEqual(check)
  })

  it('installs offline and pulls in no runtime dependency (only types for the render trees)', async () => {
    const modules = (await readdir(path.join(consumer, 'node_modules'))).filter((name) => !name.startsWith('.'))
    expect(modules).toEqual(['@types', NAME, CHECK])
    // The render declarations name mdast and hast types, so those types-only
    // packages are dependencies: they hold .d.ts files and no code that runs.
    const types = await readdir(path.join(consumer, 'node_modules/@types'))
    expect(types.sort()).toEqual(['hast', 'mdast', 'unist'])
    for (const name of types) {
      const files = await listFiles(path.join(consumer, 'node_modules/@types', name))
      expect(files.filter((file) => /\.(c|m)?js$/.test(file)), name).toEqual([])
    }
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(Object.keys(manifest['dependencies'] as object).sort()).toEqual(['@types/hast', '@types/mdast'])
    for (const key of ['optionalDependencies', 'bundleDependencies']) {
      expect(manifest[key], key).toBeUndefined()
    }
    // One optional peer each, which npm never installs on its own: the check
    // package for the package (asking for its own version or later), Hunspell
    // for the check's spelling. The check package has no dependencies.
    const check = JSON.parse(await readFile(path.join(consumer, 'node_modules', CHECK, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(check['version']).toBe(manifest['version'])
    for (const [pkg, peer, range] of [[manifest, CHECK, `^${String(manifest['version'])}`], [check, 'hunspell-asm', '^4.0.2']] as const) {
      expect(pkg['peerDependencies']).toEqual({[peer]: range})
      expect(pkg['peerDependenciesMeta']).toEqual({[peer]: {optional: true}})
    }
    for (const key of ['dependencies', 'optionalDependencies', 'bundleDependencies']) expect(check[key], key).toBeUndefined()
  })

  it('carries the metadata a registry shows, and builds before every pack', async () => {
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(manifest).toMatchObject({license: 'MIT', engines: {node: '>=20.10'}, sideEffects: false, type: 'module'})
    expect(manifest['keywords']).toEqual(expect.arrayContaining(['interview', 'checklist']))
    expect(typeof manifest['author']).toBe('string')
    expect((manifest['scripts'] as Record<string, string>)['prepack']).toBe('npm run build')
    expect(await readFile(path.join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/)
  })
})

describe('Node consumers', () => {
  // Each consumer prints what it saw; the expectations come from the source.
  const cases = [
    {name: 'ESM import', file: 'esm.mjs', entry: 'dist/index.js'},
    {name: 'CJS require', file: 'cjs.cjs', entry: 'dist/index.cjs'},
  ] as const

  it.each(cases)('$name resolves $entry and gets every named export', ({file, entry}) => {
    const seen = node(file) as Record<string, unknown>
    expect(String(seen['resolved'])).toMatch(new RegExp(`node_modules/${NAME}/${entry.replace('.', '\\.')}$`))
    expect(seen['exports']).toEqual(Object.keys(source).sort())
    expect(seen['guide']).toEqual(source.guide)
    expect(seen['step2']).toEqual(source.getStep(2))
    expect(seen['sameStepById']).toBe(true)
    expect(seen['listIsGuideSteps']).toBe(true)
    expect(seen['round3']).toEqual(source.checklistForRound(3))
    expect(seen['errors']).toEqual({
      pastLastStep: {guard: true, code: 'ERR_STEP_OUT_OF_RANGE', typeError: false, rangeError: true},
      stepString: {guard: true, code: 'ERR_INVALID_ARG_TYPE', typeError: true, rangeError: false},
      unknownId: {guard: true, code: 'ERR_UNKNOWN_STEP_ID', typeError: false, rangeError: true},
      round1: {guard: true, code: 'ERR_ROUND_OUT_OF_RANGE', typeError: false, rangeError: true},
    })
  })

  it('loads both builds in one process: deep-equal data, errors recognised across builds', async () => {
    const seen = node('dual.mjs') as {
      subpaths: Array<{subpath: string; esmKeys: string[]; cjsKeys: string[]; dataKeys: string[]; unequalData: string[]}>
      sameStepsData: boolean
      sameChecklists: boolean
      twoCopies: boolean
      recognised: Array<{guardBuild: string; errorBuild: string; code: string; guard: boolean}>
    }
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {exports: Record<string, unknown>}
    const expanded = Object.keys(manifest.exports)
      .filter((key) => key !== './package.json')
      .flatMap((key) => (key.includes('*') ? source.locales.map((tag) => key.replace('*', tag)) : [key]))
    expect(seen.subpaths.map((entry) => entry.subpath)).toEqual(expanded)
    for (const entry of seen.subpaths) {
      expect(entry.cjsKeys, entry.subpath).toEqual(entry.esmKeys)
      expect(entry.unequalData, entry.subpath).toEqual([])
    }
    expect(seen.subpaths.find((entry) => entry.subpath === '.')?.dataKeys).toEqual(['guide', 'locales', 'releases'])
    expect(seen.twoCopies).toBe(true)
    expect(seen.sameStepsData).toBe(true)
    expect(seen.sameChecklists).toBe(true)
    expect(seen.recognised).toHaveLength(12)
    for (const entry of seen.recognised) expect(entry, JSON.stringify(entry)).toMatchObject({guard: true})
    expect([...new Set(seen.recognised.map((entry) => entry.code))].sort()).toEqual([
      'ERR_INVALID_ARG_TYPE',
      'ERR_ROUND_OUT_OF_RANGE',
      'ERR_STEP_OUT_OF_RANGE',
    ])
  })
})

describe('TypeScript consumers', () => {
  const resolutions = [
    {moduleResolution: 'node16', module: 'node16', files: ['consumer.mts', 'consumer.cts']},
    {moduleResolution: 'nodenext', module: 'nodenext', files: ['consumer.mts', 'consumer.cts']},
    {moduleResolution: 'bundler', module: 'esnext', files: ['consumer.ts']},
  ] as const

  it('uses every export of the package in the consumer source', async () => {
    const declarations = await readFile(path.join(installed, 'dist/index.d.cts'), 'utf8')
    // Its export lists: values, and types (in a list of their own, or marked `type`).
    const lists = [...declarations.matchAll(/^export (?:type )?\{([^}]*)\};$/gm)].map((match) => match[1]!)
    expect(lists.length, 'export lists in dist/index.d.cts').toBeGreaterThan(0)
    const exported = lists.flatMap((list) => list.split(',')).map((name) => name.trim().replace(/^type /, '')).sort()
    const consumerSource = await readFile(path.join(FIXTURES, 'uses-every-export.ts'), 'utf8')
    const imported = /import \{([^}]*)\} from 'ace-second-interview'/.exec(consumerSource)?.[1] ?? ''
    const names = imported.split(',').map((name) => name.trim().replace(/^type /, '')).filter(Boolean).sort()
    expect(names).toEqual(exported)
    for (const name of names) {
      // Used beyond the import: at least twice in the file.
      expect(consumerSource.split(new RegExp(`\\b${name}\\b`)).length - 1, name).toBeGreaterThanOrEqual(2)
    }
  })

  it.each(resolutions)('compiles with moduleResolution $moduleResolution ($files)', async ({moduleResolution, module, files}) => {
    for (const file of files) await copyFile(path.join(FIXTURES, 'uses-every-export.ts'), path.join(consumer, file))
    const config = `tsconfig.${moduleResolution}.json`
    await writeFile(
      path.join(consumer, config),
      JSON.stringify({
        compilerOptions: {
          module,
          moduleResolution,
          target: 'es2022',
          lib: ['es2022'],
          types: [],
          strict: true,
          exactOptionalPropertyTypes: true,
          // The package's declarations are checked too, under the consumer's settings.
          skipLibCheck: false,
          noEmit: true,
        },
        files,
      }),
    )
    const run = spawnSync(process.execPath, [TSC, '-p', config, '--pretty', 'false'], {cwd: consumer, encoding: 'utf8'})
    expect(run.stdout + run.stderr).toBe('')
    expect(run.status).toBe(0)
  })
})

describe('the bin', () => {
  it('checks content wherever it is installed (npx ace-second-interview check)', async () => {
    const project = await consumerProject(packed, 'cli-check')
    await cp(path.join(ROOT, 'content'), path.join(project, 'content'), {recursive: true})
    const bin = path.join(project, 'node_modules/.bin/ace-second-interview')
    const clean = spawnSync(bin, ['check'], {cwd: project, encoding: 'utf8'})
    expect(clean.stderr).toBe('')
    // The spelling dictionaries are development dependencies: installed
    // without them, the check says once per locale that spelling was not checked.
    const skipped = clean.stdout.split('\n').filter((line) => / warning .*spelling was not checked {2}spelling$/.test(line))
    const translations = (await readdir(path.join(project, 'content/locales'), {withFileTypes: true})).filter((entry) => entry.isDirectory())
    expect(skipped.map((line) => line.split(':')[0]).sort()).toEqual(['content/guide.md', ...translations.map((entry) => `content/locales/${entry.name}/guide.md`)].sort())
    // Besides those, only translations behind their source (normal after a
    // source release) warn, counted in one line per locale.
    const warnings = clean.stdout.split('\n').filter((line) => / warning /.test(line))
    expect(warnings.filter((line) => !skipped.includes(line))).toEqual([])
    const behind = clean.stdout.split('\n').map((line) => Number(/^content\/locales\/[^/:]+: (\d+) warnings? that the translation is behind /.exec(line)?.[1] ?? 0))
    expect(clean.stdout).toMatch(new RegExp(`\\n0 errors, ${warnings.length + behind.reduce((sum, count) => sum + count, 0)} warnings?\\n$`))
    expect(clean.status).toBe(0)
    await writeFile(path.join(project, 'content/guide.md'), '# Title only\n')
    const broken = spawnSync(bin, ['check', 'content', '--format', 'json'], {cwd: project, encoding: 'utf8'})
    expect(broken.status).toBe(1)
    expect((JSON.parse(broken.stdout) as Array<{file: string}>).some((d) => d.file === 'content/guide.md')).toBe(true)
  })

  it('works installed from the packed tarball, with no dependencies, through its bin link', async () => {
    expect(packed.files.find((file) => file.path === 'dist/cli.js')?.mode).toBe(0o755)
    const project = await consumerProject(packed, 'cli-bin')
    const bin = path.join(project, 'node_modules/.bin/ace-second-interview')
    const run = spawnSync(bin, ['checklist', '--round', '2', '--format', 'markdown'], {cwd: project, encoding: 'utf8'})
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toBe(`${source.checklistForRound(2).map((item) => `- [ ] ${item.text}`).join('\n')}\n`)
  })
})

// Issue 21 (item 7): an app that only shows the guide installs the package
// alone; the check is one install away, and what needs it says so.
describe('the package alone (an app that only shows the guide)', () => {
  let app: string
  beforeAll(async () => {
    app = await consumerProject({scratch: packed.scratch, install: packed.installRoot}, 'guide-only', {name: 'guide-only', private: true, type: 'module'})
  })
  const inApp = (command: string, args: readonly string[]) => spawnSync(command, args, {cwd: app, encoding: 'utf8'})

  it('installs without the check package and shows the guide, from import and require', async () => {
    expect((await readdir(path.join(app, 'node_modules'))).filter((name) => !name.startsWith('.'))).toEqual(['@types', NAME])
    const script = `import {createRequire} from 'node:module'
      import {getStep} from '${NAME}'
      import {getStepContent} from '${NAME}/render'
      const cjs = createRequire(import.meta.url)('${NAME}/render')
      console.log(JSON.stringify([getStep(2).title, getStepContent(2).text, cjs.getStepContent(2).text]))`
    const run = inApp(process.execPath, ['--input-type=module', '-e', script])
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual([source.getStep(2).title, sourceRender.getStepContent(2).text, sourceRender.getStepContent(2).text])
  })

  it('fails to load ace-second-interview/check, from import and require, naming the check package', () => {
    const script = `import {createRequire} from 'node:module'
      const seen = []
      await import('${NAME}/check').catch((error) => seen.push([error.code, error.message]))
      try { createRequire(import.meta.url)('${NAME}/check') } catch (error) { seen.push([error.code, error.message]) }
      console.log(JSON.stringify(seen))`
    const run = inApp(process.execPath, ['--input-type=module', '-e', script])
    const seen = JSON.parse(run.stdout) as Array<[string, string]>
    expect(seen.map(([code]) => code)).toEqual(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'])
    for (const [, message] of seen) expect(message).toContain(`'${CHECK}'`)
  })

  it("runs the bin's readers; check, locales and translation exit 2 with one line naming the install command", () => {
    const bin = path.join(app, 'node_modules/.bin/ace-second-interview')
    const steps = inApp(bin, ['steps'])
    expect(steps.status, steps.stderr).toBe(0)
    for (const args of [['check'], ['check', '--watch'], ['locales'], ['translation', 'export', 'de']]) {
      const run = inApp(bin, args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(new RegExp(`^ace-second-interview ${args[0]}: [^\\n]*\`npm install --save-dev ${CHECK}\`\\n$`))
    }
  })
})

describe('browser bundle', () => {
  it('bundles with esbuild for the browser and runs without Node globals', async () => {
    const result = await build({
      entryPoints: [path.join(consumer, 'browser-entry.js')],
      absWorkingDir: consumer,
      // The project's node_modules links to the shared install; keep its paths.
      preserveSymlinks: true,
      bundle: true,
      platform: 'browser',
      format: 'iife',
      minify: true,
      // Text as written, so the test can look for another locale's.
      charset: 'utf8',
      metafile: true,
      write: false,
      logLevel: 'silent',
    })
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    // What the bundle holds code of (esbuild also lists the locales that
    // loadLocale would import, and drops them with it: none is in the output).
    const inputs = Object.entries(Object.values(result.metafile.outputs)[0]?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([name]) => name)
      .sort()
    // The main entry and the chunks it shares with the locales; never the
    // render data, nor another locale's text.
    expect(inputs).toContain(`node_modules/${NAME}/dist/index.js`)
    for (const input of inputs) expect(input).toMatch(new RegExp(`^(?:browser-entry\\.js|node_modules/${NAME}/dist/(?:index|chunk-[A-Z\\d]+)\\.js)$`))
    const code = result.outputFiles[0]?.text ?? ''
    expect(code).not.toContain('tagName')
    for (const tag of source.locales.slice(1)) {
      const other = JSON.parse(await readFile(path.join(installed, 'dist/locales', tag, 'guide.json'), 'utf8')) as {title: string}
      if (other.title !== source.guide.title) expect(code).not.toContain(JSON.stringify(other.title).slice(1, -1))
    }
    const sandbox: {result?: unknown} = {}
    runInNewContext(code, sandbox)
    expect(sandbox.result).toEqual({
      title: source.getStep(2).title,
      round3: source.checklistForRound(3).map((item) => item.text),
    })
  })
})

// Issue 10 (item 5): one set of error classes and one copy of the data,
// whichever entries a consumer imports.
describe('the two entries share their code', () => {
  it.each(['cross-entry.mjs', 'cross-entry.cjs'])('%s: an error from ./render is instanceof the class from .', (file) => {
    expect(node(file)).toEqual({rangeInstance: true, typeInstance: true, guard: true, sameText: true})
  })

  async function bundle(contents: string): Promise<string> {
    const result = await build({
      stdin: {contents, resolveDir: consumer, sourcefile: 'entry.js', loader: 'js'},
      absWorkingDir: consumer,
      preserveSymlinks: true,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      logLevel: 'silent',
    })
    return result.outputFiles[0]?.text ?? ''
  }
  const count = (text: string, part: string): number => text.split(part).length - 1

  it('a bundle of getStep and getStepContent is the render entry plus getStep, with each class and the data once', async () => {
    const both = await bundle(`import {getStep} from '${NAME}'\nimport {getStepContent} from '${NAME}/render'\nconsole.log(getStep(1), getStepContent(1))`)
    const renderOnly = await bundle(`import {getStepContent} from '${NAME}/render'\nconsole.log(getStepContent(1))`)
    // getStep's own code (src/locale-api.ts, minified) is a few hundred bytes; a
    // second copy of the classes and the guide data would be kilobytes.
    const GET_STEP_CODE = 1024
    expect(both.length).toBeLessThanOrEqual(renderOnly.length + GET_STEP_CODE)
    expect(count(both, JSON.stringify(source.guide.steps[0]!.summary).slice(1, -1))).toBe(1)
    expect(count(both, '"GuideRangeError"')).toBe(1)
  })

  it('a bundle of getStep leaves validation out, its error class included', async () => {
    const only = await bundle(`import {getStep} from '${NAME}'\nconsole.log(getStep(1))`)
    expect(count(only, 'GuideValidationError')).toBe(0)
  })
})

// Issue 13: every locale is its own entry, in both formats, sharing the
// main entry's error classes; loadLocale and loadLocaleContent (issue 24:
// a tag in any case) give the same modules.
describe('locale entries', () => {
  it.each([
    {file: 'locales.mjs', extension: 'js'},
    {file: 'locales.cjs', extension: 'cjs'},
  ])('$file: each locale resolves to its own file, in its locale, errors instanceof the main classes, loaded in any case', ({file, extension}) => {
    const seen = node(file) as Array<Record<string, unknown>>
    expect(seen.map((entry) => entry['tag'])).toEqual([...source.locales])
    for (const entry of seen) {
      expect(entry).toEqual({
        tag: entry['tag'],
        resolved: `${NAME}/dist/locales/${String(entry['tag'])}/index.${extension}`,
        locale: entry['tag'],
        jsonLocale: entry['tag'],
        instances: true,
        loaded: true,
        loadedContent: true,
        sameText: true,
      })
    }
  })

  it("loadLocale('de') resolves the German module", () => {
    const run = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "import {loadLocale} from 'ace-second-interview'; import * as de from 'ace-second-interview/locales/de'; const m = await loadLocale('de'); console.log(JSON.stringify([m === de, m.guide.locale]))"],
      {cwd: consumer, encoding: 'utf8'},
    )
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual([true, 'de'])
  })
})

// Issue 10 (item 7): `engines` names the Node.js versions that work, and the
// smoke tests run on the lowest of them too (a binary .ci/run fetches).
const ENGINES = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {engines: {node: string}}).engines.node
const LOWEST = /^>=(\d+)\.(\d+)(?:\.(\d+))?$/.exec(ENGINES)
const LOWEST_VERSION = LOWEST === null ? ENGINES : `${LOWEST[1]}.${LOWEST[2]}.${LOWEST[3] ?? 0}`
const OLDEST = oldestNodePolicy(process.env, LOWEST_VERSION)
if (OLDEST.action === 'skip') console.warn(`\n${OLDEST.reason}\n`)

describe('engines', () => {
  it('is a single lower bound, at least 20.10 (JSON import attributes need it)', () => {
    expect(LOWEST, ENGINES).not.toBeNull()
    const [major, minor] = [Number(LOWEST![1]), Number(LOWEST![2])]
    expect(major > 20 || (major === 20 && minor >= 10), ENGINES).toBe(true)
  })
})

describe(`Node consumers on the lowest supported Node.js (${LOWEST_VERSION})`, () => {
  // Skipped with the reason, which the run's verdict prints.
  beforeEach(({skip}) => skip(OLDEST.action === 'skip', OLDEST.action === 'skip' ? OLDEST.reason : ''))
  const executable = (): string => {
    if (OLDEST.action !== 'run') throw new Error(OLDEST.action === 'fail' ? OLDEST.reason : 'skipped')
    return OLDEST.executable
  }

  it('is that version exactly', () => {
    const run = spawnSync(executable(), ['--version'], {encoding: 'utf8'})
    expect(run.stdout.trim()).toBe(`v${LOWEST_VERSION}`)
  })

  it.each(['esm.mjs', 'cjs.cjs'])('%s gets every named export, the data and coded errors', (file) => {
    const seen = node(file, executable()) as Record<string, unknown>
    expect(seen['exports']).toEqual(Object.keys(source).sort())
    expect(seen['guide']).toEqual(source.guide)
    expect(seen['round3']).toEqual(source.checklistForRound(3))
  })

  it('dual.mjs loads both builds and every subpath, JSON ones with import attributes', () => {
    const seen = node('dual.mjs', executable()) as {subpaths: Array<{unequalData: string[]}>; recognised: Array<{guard: boolean}>}
    for (const entry of seen.subpaths) expect(entry.unequalData).toEqual([])
    expect(seen.recognised.every((entry) => entry.guard)).toBe(true)
  })

  it.each(['cross-entry.mjs', 'cross-entry.cjs'])('%s: errors from ./render are instances of the classes from .', (file) => {
    expect(node(file, executable())).toEqual({rangeInstance: true, typeInstance: true, guard: true, sameText: true})
  })
})
