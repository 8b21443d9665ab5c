// content:version on a repository this test owns (the valid fixture as its
// content, a package.json at 1.0.0): --dry-run, --amend, renames, retired
// ids, and crash safety (a kill at every write step, then a rerun).
import {spawnSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import type {Manifest} from '../pipeline/release/manifest.js'
import {contentVersion} from '../scripts/content-version.js'
import {run as runCli} from '../cli/run.js'
import {buildGuide, diagnostics} from '../pipeline/index.js'
import {countWrites} from './disk-writes.js'
import {FIXTURES, VALID_LOCALE, copyFixture, materialize} from './fixture-content.js'
import {ROOT} from './helpers.js'

const STEP = 'content/steps/02-make-a-plan.md'
const FILES = ['package.json', 'package-lock.json', 'CHANGELOG.md', 'content/manifest.json'] as const
const CHANGELOG = '# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- A note written before the release.\n\n## [1.0.0] - 2030-01-01\n\nFirst release.\n'

const roots: string[] = []
afterAll(async () => {
  for (const root of roots) await rm(root, {recursive: true, force: true})
})

async function run(root: string, args: readonly string[]) {
  let stdout = ''
  let stderr = ''
  const code = await contentVersion(['--root', root, '--date', '2030-01-02', ...args], {
    stdout: {write: (text: string) => (stdout += text)},
    stderr: {write: (text: string) => (stderr += text)},
    root,
  })
  return {code, stdout, stderr}
}

const templates = new Map<boolean, Promise<string>>()

/**
 * A repository at 1.0.0 with its first release recorded (with `locales`, and
 * valid-locale's `es`, marked current): a copy of one made once for each.
 */
async function makeRepository({locales = false} = {}): Promise<string> {
  let template = templates.get(locales)
  if (template === undefined) {
    template = firstRelease(locales)
    templates.set(locales, template)
  }
  const root = await mkdtemp(path.join(tmpdir(), 'ace-content-version-'))
  roots.push(root)
  await copyFixture(await template, root)
  return root
}

async function firstRelease(locales: boolean): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'ace-content-version-'))
  roots.push(root)
  await copyFixture(path.join(FIXTURES, 'valid'), path.join(root, 'content'))
  if (locales) await copyFixture(VALID_LOCALE, path.join(root, 'content'))
  await writeFile(path.join(root, 'package.json'), `${JSON.stringify({name: 'fixture', version: '1.0.0'}, null, 2)}\n`)
  const lock = {name: 'fixture', version: '1.0.0', lockfileVersion: 3, packages: {'': {name: 'fixture', version: '1.0.0'}}}
  await writeFile(path.join(root, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`)
  await writeFile(path.join(root, 'CHANGELOG.md'), CHANGELOG)
  const first = await run(root, ['--date', '2030-01-01'])
  expect(first.stdout).toContain('recorded the first release, 1.0.0')
  return root
}

async function copyOf(root: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'ace-content-version-'))
  roots.push(copy)
  await cp(root, copy, {recursive: true})
  return copy
}

async function edit(root: string, from: string | RegExp, to: string): Promise<void> {
  const file = path.join(root, STEP)
  const text = await readFile(file, 'utf8')
  const next = text.replace(from, to)
  expect(next, `${String(from)} is not in the fixture`).not.toBe(text)
  await writeFile(file, next)
}

const reword = (root: string) => edit(root, 'that landed best.', 'that went down best.')
const addItem = (root: string) => edit(root, /(\{#note-focus-topics rounds=2\+\}\n)/, '$1- [ ] Note one question you would like to ask next time. {#note-next-question rounds=2+}\n')

async function files(root: string): Promise<Record<string, string>> {
  const texts: Record<string, string> = {}
  for (const file of FILES) texts[file] = await readFile(path.join(root, file), 'utf8')
  return texts
}

/** The versions each file states; a consistent repository states one. */
async function versions(root: string) {
  const texts = await files(root)
  const manifest = JSON.parse(texts['content/manifest.json'] as string) as Manifest
  const changelog = texts['CHANGELOG.md'] as string
  return {
    pkg: (JSON.parse(texts['package.json'] as string) as {version: string}).version,
    lock: (JSON.parse(texts['package-lock.json'] as string) as {version: string}).version,
    manifest: manifest.releases.map((release) => release.version),
    changelog: [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/gm)].map((match) => match[1]),
  }
}

async function leftovers(root: string): Promise<string[]> {
  const names = [...(await readdir(root)), ...(await readdir(path.join(root, 'content'))).map((name) => `content/${name}`)]
  return names.filter((name) => name.endsWith('.tmp') || name.includes('journal'))
}

describe('content:version --dry-run', () => {
  it('prints the bump and the changelog entry, and writes nothing', async () => {
    const root = await makeRepository()
    await reword(root)
    const before = await files(root)
    const result = await run(root, ['--dry-run'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('1.0.0 → 1.0.1 (patch); dry run, nothing written')
    expect(result.stdout).toContain('  patch Checklist item `note-best-answer` reworded.')
    // A content release holds its content lines only; the note stays under [Unreleased].
    expect(result.stdout).toContain('CHANGELOG.md would get:\n\n## [1.0.1] - 2030-01-02\n\n### Changed\n\n- Content: Checklist item `note-best-answer` reworded.\n')
    expect(result.stdout).not.toContain('A note written before the release.')
    expect(await files(root)).toEqual(before)
  })
})

describe('content:version and the check package', () => {
  it('gives packages/check/package.json the same version, and the optional peer on it that version as its lowest', async () => {
    const root = await makeRepository()
    const check = 'ace-second-interview-check'
    const peer = {peerDependencies: {[check]: '^1.0.0'}, peerDependenciesMeta: {[check]: {optional: true}}}
    const write = (file: string, value: unknown) => writeFile(path.join(root, file), `${JSON.stringify(value, null, 2)}\n`)
    await mkdir(path.join(root, 'packages/check'), {recursive: true})
    await write('packages/check/package.json', {name: check, version: '1.0.0'})
    await write('package.json', {name: 'fixture', version: '1.0.0', ...peer})
    await write('package-lock.json', {name: 'fixture', version: '1.0.0', lockfileVersion: 3, packages: {'': {name: 'fixture', version: '1.0.0', ...peer}, 'packages/check': {name: check, version: '1.0.0'}}})
    await addItem(root)
    const result = await run(root, [])
    expect(result.code, result.stderr).toBe(0)
    const read = async (file: string) => JSON.parse(await readFile(path.join(root, file), 'utf8')) as {version: string; peerDependencies?: object; packages?: Record<string, {version: string; peerDependencies?: object}>}
    const [pkg, checkPkg, lock] = await Promise.all([read('package.json'), read('packages/check/package.json'), read('package-lock.json')])
    expect([pkg.version, checkPkg.version, lock.version, lock.packages?.['']?.version, lock.packages?.['packages/check']?.version]).toEqual(['1.1.0', '1.1.0', '1.1.0', '1.1.0', '1.1.0'])
    for (const manifest of [pkg, lock.packages?.['']]) expect(manifest?.peerDependencies).toEqual({[check]: '^1.1.0'})
  })
})

describe('content:version --amend', () => {
  it('refuses when the last release is the first (there is nothing to recompute against)', async () => {
    const root = await makeRepository()
    await reword(root)
    const before = await files(root)
    const result = await run(root, ['--amend'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('1.0.0 is the first release, with none before it')
    expect(await files(root)).toEqual(before)
  })

  it('folds a second change into the last release, renaming it when the bump grows (1.0.1 patch + an item → 1.1.0)', async () => {
    const root = await makeRepository()
    await reword(root)
    expect((await run(root, [])).code).toBe(0)
    expect(await versions(root)).toEqual({pkg: '1.0.1', lock: '1.0.1', manifest: ['1.0.0', '1.0.1'], changelog: ['1.0.1', '1.0.0']})

    await addItem(root)
    await writeFile(path.join(root, 'CHANGELOG.md'), (await readFile(path.join(root, 'CHANGELOG.md'), 'utf8')).replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n\n- A note written after it.\n'))
    const amended = await run(root, ['--amend', '--date', '2030-01-03'])
    expect(amended.code, amended.stderr).toBe(0)
    expect(amended.stdout).toContain('1.0.0 → 1.1.0 (amending 1.0.1) (minor)')
    expect(await versions(root)).toEqual({pkg: '1.1.0', lock: '1.1.0', manifest: ['1.0.0', '1.1.0'], changelog: ['1.1.0', '1.0.0']})
    const changelog = await readFile(path.join(root, 'CHANGELOG.md'), 'utf8')
    // The hand-written notes stay under [Unreleased], through the release and its amendment.
    expect(changelog).toContain(
      [
        '## [Unreleased]',
        '',
        '### Fixed',
        '',
        '- A note written after it.',
        '',
        '### Fixed',
        '',
        '- A note written before the release.',
        '',
        '## [1.1.0] - 2030-01-03',
        '',
        '### Added',
        '',
        '- Content: Checklist item `note-next-question` in step `make-a-plan`.',
        '',
        '### Changed',
        '',
        '- Content: Checklist item `note-best-answer` reworded.',
        '',
        '## [1.0.0] - 2030-01-01',
      ].join('\n'),
    )
    const manifest = JSON.parse(await readFile(path.join(root, 'content/manifest.json'), 'utf8')) as Manifest
    expect(manifest.releases.at(-1)?.date).toBe('2030-01-03')
  })

  it('keeps the version when the amended bump is the same, and refuses to amend a release down to nothing', async () => {
    const root = await makeRepository()
    await reword(root)
    expect((await run(root, [])).code).toBe(0)
    await edit(root, 'was weakest.', 'was weakest of all.')
    const same = await run(root, ['--amend'])
    expect(same.code, same.stderr).toBe(0)
    expect(await versions(root)).toEqual({pkg: '1.0.1', lock: '1.0.1', manifest: ['1.0.0', '1.0.1'], changelog: ['1.0.1', '1.0.0']})

    // Undo both edits: against 1.0.0 nothing changed.
    await cp(path.join(FIXTURES, 'valid/steps/02-make-a-plan.md'), path.join(root, STEP))
    const before = await files(root)
    const empty = await run(root, ['--amend'])
    expect(empty.code).toBe(1)
    expect(empty.stderr).toContain('with these changes folded in, 1.0.1 would record nothing since 1.0.0')
    expect(await files(root)).toEqual(before)
  })

  it('lets an unpublished release take back an id it retired', async () => {
    const root = await makeRepository()
    const valid = await readFile(path.join(root, STEP), 'utf8')
    await edit(root, /^- \[ \] Write down the answer .*\{#note-weakest-answer rounds=2\+\}\n/m, '')
    expect((await run(root, [])).code).toBe(0)
    expect((await versions(root)).pkg).toBe('2.0.0')
    await writeFile(path.join(root, STEP), valid)
    // Without --amend the id is retired; with it, 2.0.0 is re-recorded against 1.0.0.
    const reused = await run(root, [])
    expect(reused.code).toBe(1)
    expect(reused.stderr).toMatch(/02-make-a-plan\.md:\d+:\d+: error Expected an id that was never retired, found `note-weakest-answer`, retired in 2\.0\.0/)
    const amended = await run(root, ['--amend', '--release', 'patch'])
    expect(amended.code, amended.stderr).toBe(0)
    expect(await versions(root)).toEqual({pkg: '1.0.1', lock: '1.0.1', manifest: ['1.0.0', '1.0.1'], changelog: ['1.0.1', '1.0.0']})
  })
})

describe('content:version and renames', () => {
  it('records `replaces=` as a minor rename, in the manifest and the changelog', async () => {
    const root = await makeRepository()
    await edit(root, '{#note-best-answer rounds=2+}', '{#note-strongest-answer rounds=2+ replaces=note-best-answer}')
    const result = await run(root, [])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('1.0.0 → 1.1.0 (minor)')
    const manifest = JSON.parse(await readFile(path.join(root, 'content/manifest.json'), 'utf8')) as Manifest
    const [first, second] = manifest.releases
    expect(second?.items['note-strongest-answer']).toEqual({...first?.items['note-best-answer'], replaces: ['note-best-answer']})
    expect(await readFile(path.join(root, 'CHANGELOG.md'), 'utf8')).toContain('- Content: Checklist item `note-best-answer` renamed to `note-strongest-answer`.')
    // The declaration may stay; the next run finds nothing new.
    expect((await run(root, [])).stdout).toContain('content unchanged since 1.1.0')
  })

  it('says when a removed id and an added one have the same text (a rename without `replaces`)', async () => {
    const root = await makeRepository()
    await edit(root, '{#note-best-answer rounds=2+}', '{#note-strongest-answer rounds=2+}')
    const result = await run(root, ['--dry-run'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('1.0.0 → 2.0.0 (major)')
    expect(result.stderr).toContain(
      "note: item `note-best-answer` was removed and `note-strongest-answer` added with the same text; if it is a rename, write `{#note-strongest-answer … replaces=note-best-answer}`",
    )
  })
})

describe('content:version and a moved item', () => {
  it('keeps the hash of an item moved with the same words: a move, not a rewording, and its translations stay current', async () => {
    const root = await makeRepository({locales: true})
    // note-focus-topics, word for word, from step 2 to the end of step 4; the translation is not touched.
    const from = path.join(root, STEP)
    const to = path.join(root, 'content/steps/04-show-your-colours.md')
    const text = await readFile(from, 'utf8')
    const line = /^- \[ \] .*\{#note-focus-topics rounds=2\+\}\n/m.exec(text)?.[0]
    expect(line, 'note-focus-topics is not in the fixture').toBeDefined()
    await writeFile(from, text.replace(line as string, ''))
    await writeFile(to, `${await readFile(to, 'utf8')}${line as string}`)

    const result = await run(root, [])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('1.0.0 → 2.0.0 (major)')
    expect(result.stdout).toContain('  major Checklist item `note-focus-topics` moved from step `make-a-plan` to `show-your-colours`.')
    expect(result.stdout).not.toContain('reworded')
    expect(result.stdout).not.toContain('Locale')
    const [first, second] = (JSON.parse(await readFile(path.join(root, 'content/manifest.json'), 'utf8')) as Manifest).releases
    expect(second?.items['note-focus-topics']).toEqual({...first?.items['note-focus-topics'], stepId: 'show-your-colours'})
    expect(second?.locales).toEqual(first?.locales)

    const build = await buildGuide({contentDir: path.join(root, 'content'), version: '2.0.0', cwd: root})
    const spanish = build.locales.find((locale) => locale.tag === 'es')?.guide
    const item = spanish?.steps.flatMap((step) => step.checklist).find((found) => found.id === 'note-focus-topics')
    expect({stepId: item?.stepId, translation: item?.translation}).toEqual({stepId: 'show-your-colours', translation: 'current'})
    expect(diagnostics(build.files).filter((found) => found.ruleId === 'translation-outdated')).toEqual([])
  })
})

describe('content:version --amend after a forgotten `replaces=`', () => {
  it('turns the recorded removal and addition (2.0.0) into a rename (1.1.0)', async () => {
    const root = await makeRepository()
    await edit(root, '{#note-best-answer rounds=2+}', '{#note-strongest-answer rounds=2+}')
    const recorded = await run(root, [])
    expect(recorded.code).toBe(0)
    expect(recorded.stderr).toContain('then run `npm run content:version -- --amend`')
    expect((await versions(root)).pkg).toBe('2.0.0')

    await edit(root, '{#note-strongest-answer rounds=2+}', '{#note-strongest-answer rounds=2+ replaces=note-best-answer}')
    const amended = await run(root, ['--amend'])
    expect(amended.code, amended.stderr).toBe(0)
    expect(await versions(root)).toEqual({pkg: '1.1.0', lock: '1.1.0', manifest: ['1.0.0', '1.1.0'], changelog: ['1.1.0', '1.0.0']})
    const changelog = await readFile(path.join(root, 'CHANGELOG.md'), 'utf8')
    expect(changelog).toContain('- Content: Checklist item `note-best-answer` renamed to `note-strongest-answer`.')
    expect(changelog).not.toContain('its id is retired')
  })
})

describe('content:version across a kill', () => {
  it('leaves the files one release or the other whatever write it is killed after, and a rerun completes the release', async () => {
    const template = await makeRepository()
    await reword(template)
    const old = await files(template)
    // How many writes to disk a release takes.
    const counted = await copyOf(template)
    const steps = await countWrites(counted, () => run(counted, []))
    const done = await files(counted)
    expect(steps).toBeGreaterThanOrEqual(FILES.length * 2 + 3)

    for (let kill = 1; kill <= steps; kill += 1) {
      const root = await copyOf(template)
      expect(await countWrites(root, () => run(root, []), (n) => n === kill)).toBe(kill)
      // Every file is whole: the old text or the new, never a part.
      for (const file of FILES) expect([old[file], done[file]], `${file} after kill ${kill}`).toContain((await files(root))[file])

      // The killed run was this process, which still runs: its lock is taken over as a dead one's would be.
      await rm(path.join(root, '.content-version.lock'), {force: true})
      const rerun = await run(root, [])
      expect(rerun.code, `rerun after kill ${kill}: ${rerun.stderr}`).toBe(0)
      expect(await files(root), `after kill ${kill} and a rerun`).toEqual(done)
      expect(await leftovers(root)).toEqual([])
    }
  })

  it('is repaired by a rerun after a real SIGKILL just after package.json is renamed into place', () => {
    // `node --import tsx`: one process, so the kill is the script's own.
    const child = path.join(ROOT, 'test/crash-child.ts')
    return (async () => {
      const root = await makeRepository()
      await reword(root)
      // Writes: the lock (3), 4 files aside, the journal aside and renamed in, then package.json renamed (10).
      const args = ['--root', root, '--date', '2030-01-02']
      const killed = spawnSync(process.execPath, ['--import', 'tsx', child, '10', 'content-version', ...args], {cwd: ROOT, encoding: 'utf8'})
      expect(killed.signal).toBe('SIGKILL')
      const mixed = await versions(root)
      expect([mixed.pkg, mixed.manifest.at(-1)]).toEqual(['1.0.1', '1.0.0'])

      // The rerun in process: the kill and what it left are the point.
      const rerun = await run(root, [])
      expect(rerun.code, rerun.stderr).toBe(0)
      expect(rerun.stdout).toContain('completed the release an interrupted run had started')
      expect(await versions(root)).toEqual({pkg: '1.0.1', lock: '1.0.1', manifest: ['1.0.0', '1.0.1'], changelog: ['1.0.1', '1.0.0']})
      expect(await leftovers(root)).toEqual([])
    })()
  }, 60_000)
})

describe('the release history in every entry point', () => {
  it('`check` reports a retired id at its file:line:column, as the build does', async () => {
    const directory = await materialize('id-history/retired-item')
    roots.push(directory)
    let out = ''
    const code = await runCli(['check', directory], {
      stdout: {write: (text: string) => void (out += text)},
      stderr: {write: (text: string) => void (out += text)},
      env: {NO_COLOR: '1'},
      cwd: directory,
    })
    expect(code).toBe(1)
    expect(out).toContain('steps/04-show-your-colours.md:18:73')
    expect(out).toContain('found `old-culture-note`, retired in 2.0.0')
    expect(out).toContain('id-history')
    expect(out).toContain('tip: Give it a new id: readers may still hold ticks for the retired one.')
  })
})

describe('a malformed manifest', () => {
  it('is the one diagnostic, not echoed by the history rule for each `replaces=`', async () => {
    const directory = await materialize('id-history/replaces-live')
    roots.push(directory)
    await writeFile(path.join(directory, 'manifest.json'), '{"releases": [')
    const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})
    expect(diagnostics(result.files).map((found) => found.ruleId)).toEqual(['manifest'])
  })
})

describe('content:version guards', () => {
  it('refuses a --date before the last release, writing nothing', async () => {
    const root = await makeRepository()
    await reword(root)
    const before = await files(root)
    const result = await run(root, ['--date', '2029-12-31'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('1.0.1 is dated 2029-12-31, before 1.0.0 (2030-01-01)')
    expect(await files(root)).toEqual(before)
  })

  it('refuses a second run while one is writing, and the first completes (issue 22, item 5)', async () => {
    const root = await makeRepository()
    await reword(root)
    const script = path.join(ROOT, 'scripts/content-version.ts')
    let second: ReturnType<typeof spawnSync> | undefined
    // The second run starts while the first has written one file aside (after taking its lock: 3 writes).
    let first: Awaited<ReturnType<typeof run>> | undefined
    await countWrites(root, async () => (first = await run(root, [])), (n) => {
      if (n === 4) second = spawnSync(process.execPath, ['--import', 'tsx', script, '--root', root, '--date', '2030-01-02'], {cwd: ROOT, encoding: 'utf8'})
    })
    expect(second?.status).toBe(1)
    expect(String(second?.stderr)).toContain(`another content:version (process ${process.pid}) is running in ${root}`)
    expect(first).toMatchObject({code: 0, stderr: ''})
    expect(await versions(root)).toEqual({pkg: '1.0.1', lock: '1.0.1', manifest: ['1.0.0', '1.0.1'], changelog: ['1.0.1', '1.0.0']})
    expect(await leftovers(root)).toEqual([])
  }, 60_000)

  it('takes over the lock of a run that was killed', async () => {
    const root = await makeRepository()
    await reword(root)
    await writeFile(path.join(root, '.content-version.lock'), '2147483646\n')
    expect((await run(root, [])).code).toBe(0)
    expect(await readdir(root)).not.toContain('.content-version.lock')
  })

  it.each([
    ['text that is not JSON', '{"files": [', 'not JSON'],
    ['JSON without its list of files', '{}\n', 'no "files" list'],
  ])('refuses a journal it did not write (%s), naming it, and writes nothing', async (_name, text, found) => {
    const root = await makeRepository()
    await reword(root)
    await writeFile(path.join(root, '.content-version.journal'), text)
    const before = await readFile(path.join(root, 'package.json'), 'utf8')
    const result = await run(root, [])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`^content:version: expected .*\\.content-version\\.journal to be the journal an interrupted run wrote .*found ${found}`))
    expect(await readFile(path.join(root, 'package.json'), 'utf8')).toBe(before)
  })

  it('--dry-run refuses while an interrupted run awaits completion', async () => {
    const root = await makeRepository()
    await writeFile(path.join(root, '.content-version.journal'), '{"files": []}\n')
    const result = await run(root, ['--dry-run'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('an interrupted run left .content-version.journal; run `npm run content:version` without --dry-run to complete it')
  })
})
