import {spawnSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildGuide, buildRules, diagnostics, emitDataModule, emitRenderModule, rules} from '../pipeline/index.js'
import {locales} from '../src/index.js'
import {FIXTURES, copyFixture} from './fixture-content.js'
import {ROOT} from './helpers.js'
import {publishedFiles} from './package-files.js'

// As `npm run build` runs it.
function runBuild(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', ...args], {cwd: ROOT, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
}

async function snapshot(directory: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  // Files only: a folder (dist/locales/<tag>/) is where files are, not one of them.
  for (const entry of await readdir(directory, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    files[path.relative(directory, file)] = await readFile(file, 'utf8')
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

let scratch: string
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ace-build-'))
})
afterAll(async () => {
  await rm(scratch, {recursive: true, force: true})
})

describe('build', () => {
  it('compiles the same content to the same modules, byte for byte', async () => {
    // With the rules `npm run build` runs: the spelling rule's dictionaries
    // (loaded per process) change no emitted byte, and are tested on their own.
    const first = await buildGuide({contentDir: path.join(ROOT, 'content'), version: '1.0.0', rules: buildRules})
    const second = await buildGuide({contentDir: path.join(ROOT, 'content'), version: '1.0.0', rules: buildRules})
    expect(emitDataModule(first.guide!, first.ordinals)).toBe(emitDataModule(second.guide!, second.ordinals))
    expect(emitRenderModule(first.render!)).toBe(emitRenderModule(second.render!))
  })

  it('makes exactly the files the package publishes under dist/, and its marker', async () => {
    // dist/ is the build npm test ran first. Its .ace-build marker (which
    // folders the build may replace) stays out of the package (`files` in package.json).
    const published = await publishedFiles()
    const made = Object.keys(await snapshot(path.join(ROOT, 'dist')))
    expect(made).toContain('.ace-build')
    expect(made.filter((file) => file !== '.ace-build').sort()).toEqual(published.filter((file) => file.startsWith('dist/')).map((file) => file.slice('dist/'.length)).sort())
  })

  it('marks every generated module as generated, each locale\'s data and entries among them', async () => {
    const names = (await readdir(path.join(ROOT, 'src/generated'), {recursive: true})).filter((name) => name.endsWith('.ts'))
    for (const tag of locales) for (const name of ['guide-data.ts', 'render-data.ts', 'index.ts', 'render.ts']) expect(names).toContain(path.join('locales', tag, name))
    for (const name of names) expect((await readFile(path.join(ROOT, 'src/generated', name), 'utf8')).split('\n')[0], name).toMatch(/GENERATED FILE: do not edit by hand/)
  })

  it('fails closed on broken content (the valid fixture, broken): file:line:column, exit 1, previous output intact, a killed build\'s leftovers swept', async () => {
    const content = path.join(scratch, 'content')
    await copyFixture(path.join(FIXTURES, 'valid'), content)
    const stepFile = path.join(content, 'steps/06-get-ready-for-number-three.md')
    const text = await readFile(stepFile, 'utf8')
    await writeFile(stepFile, text.replace('{next} interview, go back', '{nxet} interview, go back'))

    // A previous build's output (a copy of dist/, which `npm test` built).
    const out = path.join(scratch, 'kept')
    await cp(path.join(ROOT, 'dist'), out, {recursive: true})
    const before = await snapshot(out)
    // What a killed build left (named for a process id no process can have) is swept.
    await mkdir(path.join(scratch, 'kept.staging-2147483646'))

    const run = runBuild('--content', content, '--out-dir', out)
    expect(run.status).toBe(1)
    const line = text.split('\n').findIndex((l) => l.includes('{next} interview, go back')) + 1
    const column = text.split('\n')[line - 1]!.indexOf('{next}') + 1
    expect(run.stderr).toContain(`steps/06-get-ready-for-number-three.md:${line}:${column}: error Expected one of`)
    expect(run.stderr).toContain('known-placeholders')
    expect(run.stdout).toBe('')
    expect(await snapshot(out)).toEqual(before)
    expect((await readdir(scratch)).filter((name) => name.includes('staging'))).toEqual([])
  }, 5 * 60_000)

  // Issue 22, item 1: `--out-dir content` replaced content/, `--out-dir .` the whole clone.
  it.each([
    ['a folder of someone else\'s files', async (out: string) => {
      await mkdir(out)
      await writeFile(path.join(out, 'notes.txt'), 'mine')
    }, 'a folder of 1 entry without .ace-build'],
    ['a content folder', (out: string) => copyFixture(path.join(FIXTURES, 'valid'), out), 'without .ace-build'],
    ['a file', (out: string) => writeFile(out, 'mine'), 'a file'],
  ])('refuses --out-dir naming %s, before building, and changes nothing', async (name, make, found) => {
    const out = path.join(scratch, `not-ours-${name.replaceAll(/\W/g, '-')}`)
    await make(out)
    const before = (await readdir(out, {withFileTypes: true}).catch(() => undefined))?.map((entry) => entry.name).sort()
    const run = runBuild('--out-dir', out)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('expected --out-dir to name a folder the build made (with .ace-build in it), an empty folder or none')
    expect(run.stderr).toContain(found)
    expect(run.stdout).toBe('')
    expect((await readdir(out, {withFileTypes: true}).catch(() => undefined))?.map((entry) => entry.name).sort()).toEqual(before)
    expect((await readdir(scratch)).filter((entry) => entry.startsWith(path.basename(out) + '.'))).toEqual([])
  }, 5 * 60_000)

  it('refuses a placeholder split by formatting, which the per-node render could not fill', async () => {
    const content = path.join(scratch, 'split')
    await copyFixture(path.join(FIXTURES, 'valid'), content)
    const stepFile = path.join(content, 'steps/06-get-ready-for-number-three.md')
    const text = await readFile(stepFile, 'utf8')
    await writeFile(stepFile, text.replace('Start your {next} interview', 'Start your {ne*x*t} interview'))
    // The lint refuses it from the source already; bypass that rule to reach the render step.
    const withoutLint = rules.filter((rule) => rule.id !== 'known-placeholders')
    // …where the failure is a diagnostic on the content file, not a throw.
    const unlinted = await buildGuide({contentDir: content, version: '1.0.0', rules: withoutLint})
    expect(unlinted.guide).toBeUndefined()
    expect(diagnostics(unlinted.files)).toEqual([
      expect.objectContaining({ruleId: 'build-failure', reason: expect.stringMatching(/checklist item "start-next-with-confidence" has a placeholder split by formatting/)}),
    ])
    const linted = await buildGuide({contentDir: content, version: '1.0.0'})
    expect(linted.guide).toBeUndefined()
    expect(linted.render).toBeUndefined()
  })
})
