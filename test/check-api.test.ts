// `ace-second-interview/check`: checkContent, rules and the published
// manifest, on fixture content the tests own (a copy of test/fixtures/valid).
import {spawnSync} from 'node:child_process'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {reporter} from 'vfile-reporter'
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest'
import * as source from '../pipeline/check.js'
import {checkContent, isCheckError, rules} from '../pipeline/check.js'
import {rules as pipelineRules} from '../pipeline/lint/rules/index.js'
import {brokenFixtures, materialize, materializeWith, readExpectation} from './fixture-content.js'
import {ROOT, consumerProject} from './helpers.js'
import {fencedBlocks, projectWithDevDependencies} from './readme-blocks.js'

const FIXTURE_NAMES = await brokenFixtures()
const cleanup: string[] = []
afterAll(async () => {
  for (const folder of cleanup) await rm(folder, {recursive: true, force: true})
})
const owned = (folder: string): string => {
  cleanup.push(folder)
  return folder
}

/**
 * A copy of the shipped content's source (its translations left out), with or
 * without its manifest. Checked against the shipped history it is always
 * clean, whatever a release retired; the valid fixture is not (a release may
 * retire an id the fixture still uses). The translations are not what these
 * tests are about, and each would load another spelling dictionary.
 */
async function shippedContent(withManifest: boolean): Promise<string> {
  const folder = owned(await mkdtemp(path.join(tmpdir(), 'ace-shipped-')))
  const skipped = new Set([path.join(ROOT, 'content', 'locales'), ...(withManifest ? [] : [path.join(ROOT, 'content', 'manifest.json')])])
  await cp(path.join(ROOT, 'content'), folder, {recursive: true, filter: (from) => !skipped.has(from)})
  return folder
}

describe('checkContent', () => {
  it('resolves ok with no diagnostics and one vfile per file for clean content', async () => {
    const folder = owned(await materializeWith({}))
    const result = await checkContent('.', {cwd: folder})
    expect(result.ok).toBe(true)
    expect(result.diagnostics).toEqual([])
    const paths = result.files.map((file) => file.path).sort()
    expect(paths).toContain('guide.md')
    expect(paths.filter((file) => file.startsWith('steps/'))).toHaveLength(result.steps)
    expect(result.steps).toBeGreaterThan(0)
  })

  it('accepts the folder as a path relative to cwd, an absolute path or a file URL, and cwd as a URL, naming files under it as given', async () => {
    const folder = owned(await materializeWith({}))
    const parent = path.dirname(folder)
    // Files are named under the folder as it was given.
    const runs = [
      {result: await checkContent(path.basename(folder), {cwd: parent}), guide: `${path.basename(folder)}/guide.md`},
      {result: await checkContent(folder, {cwd: pathToFileURL(parent)}), guide: `${folder}/guide.md`},
      {result: await checkContent(pathToFileURL(folder), {cwd: parent}), guide: `${folder}/guide.md`},
    ]
    for (const {result, guide} of runs) {
      expect(result.ok).toBe(true)
      expect(result.files.map((file) => file.path)).toContain(guide)
    }
  })

  // Each broken fixture: the same single diagnostic the build reports, with every field.
  it.each(FIXTURE_NAMES)('reports fixture %s as one diagnostic with file, place, rule, severity, reason and tip', async (fixture) => {
    const {delete: _deleted, locales: _locales, severity = 'error', ...expected} = await readExpectation(fixture)
    const folder = owned(await materialize(fixture))
    const result = await checkContent('.', {cwd: folder})
    // A warning passes the check, and fails it only under `strict`.
    expect(result.ok).toBe(severity === 'warning')
    expect(result.steps === 0).toBe(severity === 'error')
    expect(result.diagnostics).toEqual([{...expected, severity, fatal: severity === 'error', tip: expect.stringMatching(/\S/)}])
    if (severity === 'warning') expect((await checkContent('.', {cwd: folder, strict: true})).ok).toBe(false)
  })

  it('gives each diagnostic its own message\'s tip', async () => {
    const folder = owned(await materialize('known-placeholders/unknown'))
    const result = await checkContent('.', {cwd: folder})
    const message = result.files.flatMap((file) => file.messages)[0]
    expect(result.diagnostics[0]?.tip).toBe(message?.note)
  })

  it('returns vfiles that vfile-reporter prints', async () => {
    const folder = owned(await materialize('known-placeholders/unknown'))
    const {files, diagnostics} = await checkContent('.', {cwd: folder})
    const report = reporter([...files], {color: false})
    expect(report).toContain(diagnostics[0]!.reason)
    expect(report).toContain(`${diagnostics[0]!.line}:${diagnostics[0]!.column}`)
    expect(report).toContain('1 error')
  })

  it.each([
    {name: 'a folder that does not exist', make: async (folder: string) => path.join(folder, 'no-such-folder'), code: 'ERR_CHECK_NO_FOLDER'},
    {name: 'a file', make: async (folder: string) => path.join(folder, 'guide.md'), code: 'ERR_CHECK_NOT_A_FOLDER'},
  ])('rejects $name with $code, naming the call and the path as given', async ({make, code}) => {
    const folder = owned(await materializeWith({}))
    const given = await make(folder)
    const calls = [
      ['checkContent(dir)', () => checkContent(given)],
      ['translationStatus(dir)', () => source.translationStatus(given)],
      ['exportTranslation(dir, tag)', () => source.exportTranslation(given, 'es')],
      ['importTranslation(file, dir)', () => source.importTranslation(path.join(folder, 'es.po'), given)],
    ] as const
    for (const [call, run] of calls) {
      const error = await run().then(
        () => undefined,
        (caught: unknown) => caught,
      )
      expect(isCheckError(error), call).toBe(true)
      expect(error, call).toMatchObject({code, path: given})
      expect((error as Error).message.startsWith(`${call}: `), (error as Error).message).toBe(true)
      expect((error as Error).message, call).toContain(JSON.stringify(given))
    }
  })

  it.each([
    {call: 'checkContent', run: () => checkContent(42 as never), name: '"dir"', expected: 'a string or URL', received: '42'},
    {call: 'checkContent', run: () => checkContent('.', 3 as never), name: 'options', expected: 'an object', received: '3'},
    {call: 'exportTranslation', run: () => source.exportTranslation('.', 'es', 'po' as never), name: 'options', expected: 'an object', received: "'po'"},
    {call: 'translationStatus', run: () => source.translationStatus('.', {cwd: 42 as never}), name: 'options.cwd', expected: 'a string or URL', received: '42'},
    {call: 'checkContent', run: () => checkContent('.', {manifest: null as never}), name: 'options.manifest', expected: 'a string or URL', received: 'null'},
    {call: 'checkContent', run: () => checkContent('.', {strict: 'yes' as never}), name: 'options.strict', expected: 'true or false', received: "'yes'"},
    {call: 'exportTranslation', run: () => source.exportTranslation('.', 'es', {format: 'json' as never}), name: 'options.format', expected: "'po' or 'xliff'", received: "'json'"},
    {call: 'exportTranslation', run: () => source.exportTranslation('.', 'es', {date: new Date('nope')}), name: 'options.date', expected: 'a valid Date', received: 'Invalid Date'},
    {call: 'exportTranslation', run: () => source.exportTranslation('.', 7 as never), name: '"tag"', expected: 'a string', received: '7'},
    {call: 'importTranslation', run: () => source.importTranslation(['es.po'] as never, '.'), name: '"file"', expected: 'a string or URL', received: "[ 'es.po' ]"},
    // A misspelt option is refused, never ignored.
    {call: 'checkContent', run: () => checkContent('.', {stict: true} as never), name: 'options.stict', expected: "absent (checkContent's options are cwd, manifest and strict)", received: 'true'},
    {call: 'exportTranslation', run: () => source.exportTranslation('.', 'es', {formats: 'xliff'} as never), name: 'options.formats', expected: "absent (exportTranslation's options are cwd, manifest, strict, format and date)", received: "'xliff'"},
    {call: 'importTranslation', run: () => source.importTranslation('es.po', '.', {format: 'po'} as never), name: 'options.format', expected: "absent (importTranslation's options are cwd, manifest and strict)", received: "'po'"},
  ])('rejects $call with $name of the wrong kind as a TypeError coded ERR_CHECK_INVALID_OPTION', async ({call, run, name, expected, received}) => {
    const error = await run().then(() => undefined, (caught: unknown) => caught)
    expect(error).toBeInstanceOf(TypeError)
    expect(isCheckError(error)).toBe(true)
    expect(error).toMatchObject({code: 'ERR_CHECK_INVALID_OPTION', path: name, message: `${call}: expected ${name} to be ${expected}, found ${received}`})
  })

  it('reads the release history from options.manifest instead of the content folder\'s', async () => {
    const folder = await shippedContent(true)
    expect((await checkContent('.', {cwd: folder})).ok).toBe(true)
    const elsewhere = owned(await mkdtemp(path.join(tmpdir(), 'ace-manifest-')))
    const broken = path.join(elsewhere, 'upstream.json')
    await writeFile(broken, '{"releases": []}\n')
    for (const manifest of [broken, pathToFileURL(broken)]) {
      const result = await checkContent(folder, {cwd: folder, manifest})
      expect(result.ok).toBe(false)
      expect(result.diagnostics).toEqual([expect.objectContaining({file: broken, ruleId: 'manifest', severity: 'error'})])
    }
  })

  it('rejects an options.manifest with nothing at it with ERR_CHECK_NO_FILE, naming the call and the path as given', async () => {
    // Read as no history, a mistyped path made every `replaces=` an id-history error about manifest.json.
    const folder = owned(await materializeWith({}))
    const calls = [
      ['checkContent(dir)', () => checkContent('.', {cwd: folder, manifest: 'upstream.json'})],
      ['translationStatus(dir)', () => source.translationStatus('.', {cwd: folder, manifest: 'upstream.json'})],
    ] as const
    for (const [call, run] of calls) {
      const error = await run().then(() => undefined, (caught: unknown) => caught)
      expect(isCheckError(error), call).toBe(true)
      expect(error, call).toMatchObject({code: 'ERR_CHECK_NO_FILE', path: 'upstream.json', message: `${call}: expected options.manifest to be a release history (manifest.json), found nothing at: "upstream.json"`})
    }
  })
})

describe('rules', () => {
  it('lists every rule the pipeline runs, in order, with id, description and tip only', () => {
    expect(rules.map((rule) => rule.id)).toEqual(pipelineRules.map((rule) => rule.id))
    for (const rule of rules) {
      expect(Object.keys(rule).sort()).toEqual(['description', 'id', 'tip'])
      expect(rule.description).toMatch(/\S/)
      expect(rule.tip).toMatch(/\S/)
    }
    expect(Object.isFrozen(rules)).toBe(true)
    expect(rules.every((rule) => Object.isFrozen(rule))).toBe(true)
  })
})

describe('the built entry', () => {
  const require = createRequire(import.meta.url)

  it('exports the same names from dist/check.js and dist/check.cjs as the source', async () => {
    const esm = (await import(pathToFileURL(path.join(ROOT, 'dist/check.js')).href)) as Record<string, unknown>
    const cjs = require(path.join(ROOT, 'dist/check.cjs')) as Record<string, unknown>
    expect(Object.keys(esm).sort()).toEqual(Object.keys(source).sort())
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(source).sort())
    expect(esm['rules']).toEqual(rules)
  })

  it('publishes content/manifest.json as dist/manifest.json: the same data, compact', async () => {
    const published = await readFile(path.join(ROOT, 'dist/manifest.json'), 'utf8')
    const recorded = JSON.parse(await readFile(path.join(ROOT, 'content/manifest.json'), 'utf8')) as unknown
    expect(published).toBe(`${JSON.stringify(recorded)}\n`)
  })

  it('is not part of the main entry: dist/index.* never loads the pipeline', async () => {
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/render.js', 'dist/render.cjs']) {
      const code = await readFile(path.join(ROOT, file), 'utf8')
      expect(code, file).not.toMatch(/check\.c?js|unified|micromark/)
    }
  })
})

describe('installed from the packed tarball', () => {
  const packed = inject('packed')
  let project: string
  beforeAll(async () => {
    project = await consumerProject(packed, 'check-api', {name: 'consumer', private: true, type: 'module'})
  })

  it('runs from import and require with no dependency installed, against the package\'s own manifest', async () => {
    const folder = await shippedContent(false)
    const script = `
      import {createRequire} from 'node:module'
      import {checkContent, rules} from 'ace-second-interview/check'
      const require = createRequire(import.meta.url)
      const cjs = require('ace-second-interview/check')
      const manifest = require.resolve('ace-second-interview/manifest.json')
      const [esmResult, cjsResult] = await Promise.all([checkContent(${JSON.stringify(folder)}, {manifest}), cjs.checkContent(${JSON.stringify(folder)}, {manifest})])
      console.log(JSON.stringify({esm: esmResult.ok, cjs: cjsResult.ok, rules: rules.length === cjs.rules.length, releases: require('ace-second-interview/manifest.json').releases.length}))
    `
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: project, encoding: 'utf8'})
    expect(run.stderr).toBe('')
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'content/manifest.json'), 'utf8')) as {releases: unknown[]}
    expect(JSON.parse(run.stdout)).toEqual({esm: true, cjs: true, rules: true, releases: manifest.releases.length})
  })

  it("passes the check package README's app test on the shipped content, with the spelling packages and without", async () => {
    const readme = await readFile(path.join(ROOT, 'packages/check/README.md'), 'utf8')
    const snippet = fencedBlocks('packages/check/README.md', readme).find((block) => block.code.includes("from 'ace-second-interview/check'") && block.code.includes("from 'vitest'"))
    expect(snippet).toBeDefined()
    // Without: the packages as installed (links; Hunspell is looked for beside
    // where the check really is, which has none). With: copies beside every dev dependency.
    for (const spelling of [false, true]) {
      const app = await projectWithDevDependencies(packed, `app-test-${spelling}`)
      for (const name of spelling ? ['ace-second-interview', 'ace-second-interview-check'] : []) {
        const installed = path.join(app, 'node_modules', name)
        await rm(installed)
        await cp(path.join(packed.install, 'node_modules', name), installed, {recursive: true})
      }
      await cp(path.join(ROOT, 'content'), path.join(app, 'content'), {recursive: true})
      await writeFile(path.join(app, 'content.test.ts'), snippet!.code)
      // The snippet as written; only vitest's timeout is raised, so a busy
      // machine cannot fail it: that the check fits vitest's default 5 s is
      // a benchmark figure (cold `check` of the shipped content, `npm run bench`).
      const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=dot', '--testTimeout=120000'], {cwd: app, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
      expect(run.status, `${spelling ? 'with' : 'without'} spelling:\n${run.stdout}${run.stderr}`).toBe(0)
    }
  }, 120_000)

  it('type-checks for an app with neither vfile nor the pipeline installed, and its files suit vfile-reporter', async () => {
    const consumer = `import {checkContent, rules, type CheckResult, type Diagnostic, type RuleInfo} from 'ace-second-interview/check'
import {reporter} from 'vfile-reporter'

const result: CheckResult = await checkContent('content', {manifest: new URL('./manifest.json', import.meta.url)})
const first: Diagnostic | undefined = result.diagnostics[0]
export const where: string = first === undefined ? '' : \`\${first.file}:\${first.line}:\${first.column} \${first.ruleId}\`
export const severity: 'error' | 'warning' | undefined = first?.severity
export const tip: string | null | undefined = first?.tip
export const report: string = reporter([...result.files])
export const reasons: string[] = result.files.flatMap((file) => file.messages.map((message) => message.reason))
export const ids: string[] = rules.map((rule: RuleInfo) => rule.id)
// If the declarations failed to resolve, these would be \`any\` and not errors:
// @ts-expect-error ok is a boolean
export const wrong: string = result.ok
// @ts-expect-error a file's path is a string
export const wrongPath: number = result.files[0]!.path
`
    await writeFile(path.join(project, 'check-consumer.ts'), consumer)
    await writeFile(
      path.join(project, 'tsconfig.check.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: false,
          // A Node app has Node's types; vfile-reporter is the app's own choice,
          // mapped to this repository's copy (it brings its own vfile).
          typeRoots: [path.join(ROOT, 'node_modules/@types')],
          types: ['node'],
          paths: {'vfile-reporter': [path.join(ROOT, 'node_modules/vfile-reporter/index.d.ts')]},
        },
        files: ['check-consumer.ts'],
      }),
    )
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.check.json', '--pretty', 'false'], {cwd: project, encoding: 'utf8'})
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.status).toBe(0)
  })
})
