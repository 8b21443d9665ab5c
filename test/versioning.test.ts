import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Manifest, ManifestRelease, ReleaseContent} from '../pipeline/release/manifest.js'
import {addRelease, amendRelease, releaseEntry} from '../pipeline/release/changelog.js'
import {type Bump, bumpBetween, bumpVersion, checkHistory, diffReleases, requiredBump} from '../pipeline/release/versioning.js'
import {contentVersion} from '../scripts/content-version.js'
import {FIXTURES, copyFixture} from './fixture-content.js'
import {ROOT} from './helpers.js'

const base: ReleaseContent = {
  rounds: '2+',
  introduction: 'intro0000000',
  steps: {a: {number: 1, hash: 'aaaaaaaaaaaa'}, b: {number: 2, hash: 'bbbbbbbbbbbb'}},
  items: {x: {stepId: 'a', rounds: '2+', hash: 'xxxxxxxxxxxx'}, y: {stepId: 'b', rounds: '2+', hash: 'yyyyyyyyyyyy'}},
}
type Edit = (release: any) => void
const changeCases: ReadonlyArray<{change: string; edit: Edit; bump: Bump}> = [
  {change: 'nothing', edit: () => {}, bump: 'none'},
  {change: 'an item reworded', edit: (r) => (r.items.x.hash = 'changed00000'), bump: 'patch'},
  {change: 'a step reworded', edit: (r) => (r.steps.a.hash = 'changed00000'), bump: 'patch'},
  {change: 'the introduction reworded', edit: (r) => (r.introduction = 'changed00000'), bump: 'patch'},
  {change: 'an item added', edit: (r) => (r.items.z = {stepId: 'b', rounds: '2+', hash: 'zzzzzzzzzzzz'}), bump: 'minor'},
  {change: 'a step added', edit: (r) => (r.steps.c = {number: 3, hash: 'cccccccccccc'}), bump: 'minor'},
  {change: "an item's rounds widened", edit: (r) => (r.items.x.rounds = '1+'), bump: 'minor'},
  {change: "an item's rounds shifted", edit: (r) => (r.items.x.rounds = '3-5'), bump: 'major'},
  {change: "the guide's rounds widened", edit: (r) => (r.rounds = '1+'), bump: 'minor'},
  {change: "an item's rounds narrowed", edit: (r) => (r.items.x.rounds = '3+'), bump: 'major'},
  {change: 'an item removed', edit: (r) => delete r.items.y, bump: 'major'},
  {change: 'a step removed', edit: (r) => delete r.steps.b, bump: 'major'},
  {change: 'steps renumbered', edit: (r) => ((r.steps.a.number = 2), (r.steps.b.number = 1)), bump: 'major'},
  {change: 'an item moved to another step', edit: (r) => (r.items.x.stepId = 'b'), bump: 'major'},
  {change: 'an item added and another reworded', edit: (r) => ((r.items.z = {stepId: 'a', rounds: '2+', hash: 'zzzzzzzzzzzz'}), (r.items.x.hash = 'changed00000')), bump: 'minor'},
]

describe('diffReleases and requiredBump', () => {
  it.each(changeCases)('$change needs a $bump bump', ({edit, bump}) => {
    const after = structuredClone(base)
    edit(after)
    expect(requiredBump(diffReleases(base, after))).toBe(bump)
  })

  it('names the changed steps and items by id', () => {
    const after = structuredClone(base) as any
    after.items.x.hash = 'changed00000'
    delete after.items.y
    expect(diffReleases(base, after).map((change) => change.description)).toEqual([
      'Checklist item `x` reworded.',
      'Checklist item `y` from step `b` (its id is retired).',
    ])
  })

  it('reads ids such as `constructor` as ids, never from the prototype', () => {
    const after = structuredClone(base) as any
    after.steps.constructor = {number: 3, hash: 'cccccccccccc'}
    after.items.toString = {stepId: 'a', rounds: '2+', hash: 'tttttttttttt'}
    expect(diffReleases(base, after).map((change) => [change.bump, change.description])).toEqual([
      ['minor', 'Step `constructor` (number 3).'],
      ['minor', 'Checklist item `toString` in step `a`.'],
    ])
  })
})

describe('checkHistory', () => {
  const v1 = {version: '1.0.0', date: '2030-01-01', ...base}
  const cases: ReadonlyArray<{history: string; releases: ManifestRelease[]; problems: string[]}> = [
    {history: 'one release', releases: [v1], problems: []},
    {history: 'a reworded item as a patch', releases: [v1, {...v1, version: '1.0.1', items: {...base.items, x: {stepId: 'a', rounds: '2+', hash: 'changed00000'}}}], problems: []},
    {history: 'an added item as a patch', releases: [v1, {...v1, version: '1.0.1', items: {...base.items, z: {stepId: 'a', rounds: '2+', hash: 'zzzzzzzzzzzz'}}}], problems: ['1.0.0 → 1.0.1 is a patch bump, but its changes need minor']},
    {history: 'a removed step as a minor', releases: [v1, {...v1, version: '1.1.0', steps: {a: base.steps['a']!}}], problems: ['1.0.0 → 1.1.0 is a minor bump, but its changes need major']},
    {history: 'a version going down', releases: [{...v1, version: '2.0.0'}, {...v1, version: '1.9.0'}], problems: ['1.9.0 does not come after 2.0.0']},
    {history: 'a retired id reused', releases: [v1, {...v1, version: '2.0.0', items: {x: base.items['x']!}}, {...v1, version: '3.0.0'}], problems: ['3.0.0 reuses `y`, retired in 2.0.0']},
  ]
  it.each(cases)('$history: $problems', ({releases, problems}) => {
    expect(checkHistory({releases})).toEqual(problems)
  })

  // Issue 22, item 7: it read every earlier release again for each release.
  it('reads each release a bounded number of times, however long the history', () => {
    const reads = (count: number): number => {
      let total = 0
      const releases = Array.from({length: count}, (_, index) => new Proxy({...v1, version: `1.0.${index}`}, {get: (target, key) => ((total += 1), Reflect.get(target, key))}))
      expect(checkHistory({releases})).toEqual([])
      return total
    }
    // Linear: a hundred more releases cost the same, however many came before.
    expect(reads(300) - reads(200)).toBeLessThanOrEqual(reads(200) - reads(100))
  })
})

describe('addRelease', () => {
  it('keeps link definitions at the end of the file where they are', () => {
    const log = '# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- A thing.\n\n[Unreleased]: https://example.test/compare\n'
    expect(addRelease(log, '1.0.1', '2030-01-02', [])).toBe(
      '# Changelog\n\n## [Unreleased]\n\n## [1.0.1] - 2030-01-02\n\n### Fixed\n\n- A thing.\n\n[Unreleased]: https://example.test/compare\n',
    )
  })

  // Engineering notes wait under [Unreleased] for the package release that ships them.
  const notes = '## [Unreleased]\n\n### Changed\n\n- The build caches its outputs.\n  A second line of the same note.\n\n### Fixed\n\n- A crash on start.\n\n'
  const log = `# Changelog\n\n${notes}## [1.0.0] - 2030-01-01\n\nFirst release.\n\n[Unreleased]: https://example.test/compare\n`
  const reworded = diffReleases(base, {...base, items: {...base.items, x: {...base.items['x']!, hash: 'changed00000'}}})
  const cases = [
    {
      release: 'a content release: its content lines only, the notes left under [Unreleased]',
      changes: reworded,
      unreleased: notes.trimEnd(),
      entry: '## [1.0.1] - 2030-01-02\n\n### Changed\n\n- Content: Checklist item `x` reworded.',
    },
    {
      release: 'a release without content changes (code or packaging): the notes it ships',
      changes: [],
      unreleased: '## [Unreleased]',
      entry: '## [1.0.1] - 2030-01-02\n\n### Changed\n\n- The build caches its outputs.\n  A second line of the same note.\n\n### Fixed\n\n- A crash on start.',
    },
  ]
  it.each(cases)('$release', ({changes, unreleased, entry}) => {
    const next = addRelease(log, '1.0.1', '2030-01-02', changes)
    expect(next.slice(next.indexOf('## [Unreleased]'), next.indexOf('## [1.0.1]')).trimEnd()).toBe(unreleased)
    expect(releaseEntry(next, '1.0.1')).toBe(entry)
    expect(next.endsWith('## [1.0.0] - 2030-01-01\n\nFirst release.\n\n[Unreleased]: https://example.test/compare\n')).toBe(true)
    // Amending the content release keeps the notes where they are, too.
    const amended = amendRelease(next, '1.0.1', '1.0.1', '2030-01-03', changes)
    expect(amended.slice(amended.indexOf('## [Unreleased]'), amended.indexOf('## [1.0.1]')).trimEnd()).toBe(unreleased)
    expect(releaseEntry(amended, '1.0.1')).toBe(entry.replace('2030-01-02', '2030-01-03'))
  })

  it("leaves this repository's own [Unreleased] notes where they are in a content release", async () => {
    const changelog = await readFile(path.join(ROOT, 'CHANGELOG.md'), 'utf8')
    const unreleased = (text: string) => /^## \[Unreleased\][^]*?(?=^## \[)/m.exec(text)?.[0]
    const next = addRelease(changelog, '99.0.0', '2030-01-02', reworded)
    expect(unreleased(next)).toBe(unreleased(changelog))
    expect(releaseEntry(next, '99.0.0')).toBe('## [99.0.0] - 2030-01-02\n\n### Changed\n\n- Content: Checklist item `x` reworded.')
  })

  it('refuses a changelog without an [Unreleased] section', () => {
    expect(() => addRelease('# Changelog\n', '1.0.1', '2030-01-02', [])).toThrow('expected a `## [Unreleased]` heading')
  })
})

describe('bumpVersion and bumpBetween', () => {
  const table = [
    ['1.2.3', 'patch', '1.2.4'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'major', '2.0.0'],
    ['1.2.3', 'none', '1.2.3'],
    ['0.9.9', 'minor', '0.10.0'],
  ] as const
  it.each(table)('%s + %s = %s', (from, bump, to) => {
    expect(bumpVersion(from, bump)).toBe(to)
    expect(bumpBetween(from, to)).toBe(bump)
  })

  it('refuses a version that is not plain x.y.z', () => {
    expect(() => bumpVersion('1.2.3-beta.1', 'patch')).toThrow('expected a plain x.y.z version, received "1.2.3-beta.1"')
  })

  it('calls a smaller or equal version no bump', () => {
    expect(bumpBetween('2.0.0', '1.9.9')).toBe('none')
    expect(bumpBetween('1.2.3', '1.2.3')).toBe('none')
  })
})

describe('npm run content:version', () => {
  let root: string
  // In this process, through the function scripts/content-version.ts calls
  // with its arguments and streams (a tsx start-up per run, seconds, would
  // test nothing more: test/content-version.test.ts spawns the script).
  const run = async (...args: string[]) => {
    let stdout = ''
    let stderr = ''
    const status = await contentVersion(['--root', root, '--date', '2030-01-02', ...args], {
      stdout: {write: (text: string) => (stdout += text)},
      stderr: {write: (text: string) => (stderr += text)},
      root,
    })
    return {status, stdout, stderr}
  }
  const stepFile = () => path.join(root, 'content/steps/02-make-a-plan.md')
  const edit = async (from: string | RegExp, to: string) => writeFile(stepFile(), (await readFile(stepFile(), 'utf8')).replace(from, to))
  const read = async (file: string) => readFile(path.join(root, file), 'utf8')

  // A repository of its own: the valid fixture as content, at 1.0.0, with its
  // first release recorded; the live content/ and version play no part.
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'ace-version-'))
    await copyFixture(path.join(FIXTURES, 'valid'), path.join(root, 'content'))
    await writeFile(path.join(root, 'package.json'), `${JSON.stringify({name: 'fixture', version: '1.0.0'}, null, 2)}\n`)
    await writeFile(path.join(root, 'package-lock.json'), `${JSON.stringify({name: 'fixture', version: '1.0.0', lockfileVersion: 3, packages: {'': {name: 'fixture', version: '1.0.0'}}}, null, 2)}\n`)
    await writeFile(path.join(root, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2030-01-01\n\nFirst release.\n')
    const first = await run()
    expect(first.stdout, first.stderr).toContain('recorded the first release, 1.0.0')
  })
  afterAll(async () => {
    await rm(root, {recursive: true, force: true})
  })

  it('does nothing when the content is unchanged', async () => {
    const result = await run()
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('content unchanged')
    expect(JSON.parse(await read('package.json')).version).toBe('1.0.0')
  })

  it('bumps the patch version for a reworded item and lists it by id', async () => {
    await edit('that landed best.', 'that went down best.')
    const result = await run()
    expect(result.status, result.stderr).toBe(0)
    const version = '1.0.1'
    expect(JSON.parse(await read('package.json')).version).toBe(version)
    expect(JSON.parse(await read('package-lock.json')).version).toBe(version)
    const log = await read('CHANGELOG.md')
    expect(log).toMatch(new RegExp(`## \\[Unreleased\\]\\n\\n## \\[${version.replaceAll('.', '\\.')}\\] - 2030-01-02\\n`))
    expect(log).toContain('- Content: Checklist item `note-best-answer` reworded.')
    const written = JSON.parse(await read('content/manifest.json')) as Manifest
    expect(written.releases.map((release) => release.version)).toEqual(['1.0.0', version])
  })

  it('bumps the major version for a removed item, and refuses to reuse its id', async () => {
    const before = JSON.parse(await read('package.json')).version as string
    await edit(/^- \[ \] Write down the answer from your \{previous\} interview that was weakest\. \{#note-weakest-answer rounds=2\+\}\n/m, '')
    const removed = await run()
    expect(removed.status, removed.stderr).toBe(0)
    expect(before).toBe('1.0.1')
    expect(JSON.parse(await read('package.json')).version).toBe('2.0.0')
    expect(await read('CHANGELOG.md')).toContain('- Content: Checklist item `note-weakest-answer` from step `make-a-plan` (its id is retired).')

    await edit('{#note-focus-topics rounds=2+}', '{#note-weakest-answer rounds=2+}')
    const reused = await run()
    expect(reused.status).toBe(1)
    expect(reused.stderr).toMatch(/steps\/02-make-a-plan.md:\d+:\d+: error Expected an id that was never retired, found `note-weakest-answer`, retired in 2.0.0/)
  })

  it('refuses a --release smaller than the change needs, writing nothing', async () => {
    // The reused id from the test before becomes a new one: an item removed, one added.
    await edit('{#note-weakest-answer rounds=2+}', '{#note-focus-areas rounds=2+}')
    const before = await read('package.json')
    const result = await run('--release', 'patch')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--release patch is smaller than these changes need (major)')
    expect(await read('package.json')).toBe(before)
  })

  it('refuses a bad --date with exit 2', async () => {
    const result = await run('--date', 'tomorrow')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('expected --date as YYYY-MM-DD, received "tomorrow"')
  })

  it('refuses a bad --release value with exit 2', async () => {
    const result = await run('--release', 'huge')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('expected --release to be patch, minor or major, received "huge"')
  })
})
