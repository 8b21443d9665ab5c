import {spawnSync} from 'node:child_process'
import {access, cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildGuide, buildRules, diagnostics, emitDataModule, emitRenderModule, rules} from '../pipeline/index.js'
import {FIXTURES} from './fixture-content.js'
import {ROOT} from './helpers.js'
import {publishedFiles} from './package-files.js'

// As `npm run build` runs it.
function runBuild(...args: string[]) {
  return runBuildIn(ROOT, ...args)
}
function runBuildIn(project: string, ...args: string[]) {
  return spawnSync(process.execPath, ['scripts/run-without-tsx.mjs', 'scripts/build.ts', ...args], {cwd: project, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
}

// `--profile` lines name each tsup config (and the declarations) and whether it came from the cache.
function configsBy(stderr: string, how: 'built' | 'cached'): string[] {
  return [...stderr.matchAll(/build-profile: {3}(?:tsup config (?:\d+ )?)?(.+): (built|cached) in/g)].filter((match) => match[2] === how).map((match) => match[1]!)
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
    // (seconds each) change no emitted byte, and are tested on their own.
    const first = await buildGuide({contentDir: path.join(ROOT, 'content'), version: '1.0.0', rules: buildRules})
    const second = await buildGuide({contentDir: path.join(ROOT, 'content'), version: '1.0.0', rules: buildRules})
    expect(emitDataModule(first.guide!)).toBe(emitDataModule(second.guide!))
    expect(emitRenderModule(first.render!)).toBe(emitRenderModule(second.render!))
  })

  it('makes from its cache what it makes without: dist/ is byte for byte a build without the cache, the published file list', async () => {
    // dist/ is the build npm test ran first: served from the cache, which the
    // set-up's build filled (or built by it, on a cold cache).
    const fresh = path.join(scratch, 'fresh')
    const built = runBuild('--out-dir', fresh, '--no-cache')
    expect(built.status, built.stderr).toBe(0)
    const freshFiles = await snapshot(fresh)
    // Every file the package publishes under dist/, and nothing else.
    const published = await publishedFiles()
    expect(Object.keys(freshFiles).sort()).toEqual(published.filter((file) => file.startsWith('dist/')).map((file) => file.slice('dist/'.length)).sort())
    expect(await snapshot(path.join(ROOT, 'dist')), 'dist/ differs from a build without the cache (stale? `npm run build` first)').toEqual(freshFiles)
  }, 10 * 60_000)

  it('rebuilds everything an edit reaches instead of serving it from the cache, and sweeps a killed build\'s leftovers', async () => {
    // A copy of the project (its node_modules, and so the cache, shared), so
    // that writing src/generated/ from edited content leaves this one alone.
    const project = path.join(scratch, 'project')
    await mkdir(project)
    for (const name of ['src', 'pipeline', 'cli', 'scripts', 'content', 'tsup.config.ts', 'tsconfig.json', 'package.json']) {
      await cp(path.join(ROOT, name), path.join(project, name), {recursive: true})
    }
    await symlink(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'))

    // A content edit (a sentence of the first step) and a source edit the
    // check entry alone reaches, both new to the shared cache: an earlier
    // run's identical edits would still be cached, and nothing rebuilt.
    const run = `${Date.now()}${process.pid}`
    const steps = path.join(project, 'content', 'steps')
    const stepFile = path.join(steps, (await readdir(steps)).sort()[0]!)
    const lines = (await readFile(stepFile, 'utf8')).split('\n')
    const body = lines.findIndex((line, index) => index > 0 && lines.slice(0, index).filter((l) => l === '---').length === 2 && /^[A-Z]/.test(line))
    lines[body] = `${lines[body]} Cached builds notice this sentence, ${run}.`
    await writeFile(stepFile, lines.join('\n'))
    const check = path.join(project, 'pipeline', 'check.ts')
    await writeFile(check, `${await readFile(check, 'utf8')}\n// An edit the build must see.\nexport const BUILD_CACHE_PROBE = 'probe ${run}'\n`)

    // What a killed build leaves (named for its process id, here one that no
    // process can have) is swept by the next build; a live process's is kept.
    const cache = path.join(ROOT, 'node_modules', '.cache', 'ace-second-interview')
    const dead = 2_147_483_646
    const leftovers = [path.join(cache, `build-${dead}.mjs`), path.join(cache, `declarations-worker-${dead}.mjs`), path.join(cache, `declarations-${dead}`), path.join(project, `dist.staging-${dead}`)]
    const live = path.join(cache, `build-${process.pid}.mjs`)
    await mkdir(cache, {recursive: true})
    for (const file of [...leftovers, live]) await (file.endsWith('.mjs') ? writeFile(file, '') : mkdir(file, {recursive: true}))

    // The cache holds the unedited project's outputs (npm test built it first).
    const warm = runBuildIn(project, '--out-dir', 'warm', '--profile')
    expect(warm.status, warm.stderr).toBe(0)
    for (const file of leftovers) await expect(access(file)).rejects.toThrow(/ENOENT/)
    await expect(readFile(live, 'utf8')).resolves.toBe('')
    await rm(live, {force: true})
    const rebuilt = configsBy(warm.stderr, 'built')
    // The data-dependent outputs and the check entry. Every runtime entry is
    // one self-contained file holding its locale's data (the error classes
    // are no longer a build of their own), so none of them is served from
    // the cache after a content edit.
    expect(rebuilt).toEqual(expect.arrayContaining(['index', 'render', 'declarations index+render+check', 'check', 'cli']))
    expect(configsBy(warm.stderr, 'cached')).toEqual([])

    const warmFiles = await snapshot(path.join(project, 'warm'))
    expect(warmFiles['check.d.ts']).toContain('BUILD_CACHE_PROBE')
    expect(Object.values(warmFiles).some((text) => text.includes(`Cached builds notice this sentence, ${run}.`))).toBe(true)
  }, 10 * 60_000)

  it.each(['guide-data.ts', 'ids.ts', 'render-data.ts'])('marks the generated module %s as generated', async (name) => {
    const text = await readFile(path.join(ROOT, 'src/generated', name), 'utf8')
    expect(text.split('\n')[0]).toMatch(/GENERATED FILE: do not edit by hand/)
  })

  it('fails closed on broken content (the valid fixture, broken): file:line:column, exit 1, previous output intact', async () => {
    const content = path.join(scratch, 'content')
    await cp(path.join(FIXTURES, 'valid'), content, {recursive: true})
    const stepFile = path.join(content, 'steps/06-get-ready-for-number-three.md')
    const text = await readFile(stepFile, 'utf8')
    await writeFile(stepFile, text.replace('{next} interview, go back', '{nxet} interview, go back'))

    // A previous build's output (a copy of dist/, which `npm test` built).
    const out = path.join(scratch, 'kept')
    await cp(path.join(ROOT, 'dist'), out, {recursive: true})
    const before = await snapshot(out)

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

  it('refuses a placeholder split by formatting, which the per-node render could not fill', async () => {
    const content = path.join(scratch, 'split')
    await cp(path.join(FIXTURES, 'valid'), content, {recursive: true})
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
