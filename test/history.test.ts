// The release history as data: renames, retired ids, structured changes and
// the changelog entries they become. Synthetic manifests only; nothing here
// reads content/.
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {amendRelease, releaseEntry} from '../pipeline/release/changelog.js'
import {type HistoryProblem, type IdUse, historyProblems, parseReplaces, readIdHistory} from '../pipeline/release/published-ids.js'
import {type ManifestRelease, type ReleaseContent, readManifest} from '../pipeline/release/manifest.js'
import {type Bump, checkHistory, diffReleases, likelyRenames, requiredBump} from '../pipeline/release/versioning.js'

const base: ReleaseContent = {
  rounds: '2+',
  introduction: 'intro0000000',
  steps: {a: {number: 1, hash: 'aaaaaaaaaaaa'}, b: {number: 2, hash: 'bbbbbbbbbbbb'}},
  items: {x: {stepId: 'a', rounds: '2+', hash: 'xxxxxxxxxxxx'}, y: {stepId: 'b', rounds: '2+', hash: 'yyyyyyyyyyyy'}},
}
const release = (version: string, content: ReleaseContent, date = '2030-01-01'): ManifestRelease => ({version, date, ...content})
const withItems = (items: ReleaseContent['items']): ReleaseContent => ({...base, items})

describe('parseReplaces', () => {
  const cases = [
    ['old-id', ['old-id']],
    ['old-a,old-b', ['old-a', 'old-b']],
    ['', undefined],
    ['old-a,', undefined],
    ['old-a,,old-b', undefined],
    ['Old-A', undefined],
    ['old-a,old-a', undefined],
    ['old-a, old-b', undefined],
  ] as const
  it.each(cases)('%j → %j', (value, ids) => {
    expect(parseReplaces(value)).toEqual(ids)
  })
})

describe('diffReleases: renames and structured changes', () => {
  type Case = {change: string; after: ReleaseContent; bump: Bump; changes: Array<Record<string, unknown>>}
  const cases: Case[] = [
    {
      change: 'an item renamed with `replaces`',
      after: withItems({x2: {stepId: 'a', rounds: '2+', hash: 'xxxxxxxxxxxx', replaces: ['x']}, y: base.items['y']!}),
      bump: 'minor',
      changes: [{target: 'item', kind: 'renamed', id: 'x2', from: 'x', bump: 'minor', section: 'Changed', description: 'Checklist item `x` renamed to `x2`.'}],
    },
    {
      change: 'an item renamed and reworded',
      after: withItems({x2: {stepId: 'a', rounds: '2+', hash: 'changed00000', replaces: ['x']}, y: base.items['y']!}),
      bump: 'minor',
      changes: [
        {target: 'item', kind: 'renamed', id: 'x2', from: 'x', bump: 'minor', section: 'Changed', description: 'Checklist item `x` renamed to `x2`.'},
        {target: 'item', kind: 'reworded', id: 'x2', bump: 'patch', section: 'Changed', description: 'Checklist item `x2` reworded.'},
      ],
    },
    {
      change: 'an item renamed and moved to another step',
      after: withItems({x2: {stepId: 'b', rounds: '2+', hash: 'xxxxxxxxxxxx', replaces: ['x']}, y: base.items['y']!}),
      bump: 'major',
      changes: [
        {target: 'item', kind: 'renamed', id: 'x2', from: 'x', bump: 'minor', section: 'Changed', description: 'Checklist item `x` renamed to `x2`.'},
        {target: 'item', kind: 'moved', id: 'x2', from: 'a', bump: 'major', section: 'Changed', description: 'Checklist item `x2` moved from step `a` to `b`.'},
      ],
    },
    {
      change: 'an item moved to another step in the same words (its hash is its wording)',
      after: withItems({x: {...base.items['x']!, stepId: 'b'}, y: base.items['y']!}),
      bump: 'major',
      changes: [{target: 'item', kind: 'moved', id: 'x', from: 'a', bump: 'major', section: 'Changed', description: 'Checklist item `x` moved from step `a` to `b`.'}],
    },
    {
      change: 'an item moved, given other rounds and reworded: each said',
      after: withItems({x: {stepId: 'b', rounds: '3+', hash: 'changed00000'}, y: base.items['y']!}),
      bump: 'major',
      changes: [
        {target: 'item', kind: 'moved', id: 'x', from: 'a', bump: 'major', section: 'Changed', description: 'Checklist item `x` moved from step `a` to `b`.'},
        {target: 'item', kind: 'rounds-changed', id: 'x', bump: 'major', section: 'Changed', description: 'Checklist item `x` now applies to rounds `3+` (was `2+`).'},
        {target: 'item', kind: 'reworded', id: 'x', bump: 'patch', section: 'Changed', description: 'Checklist item `x` reworded.'},
      ],
    },
    {
      change: 'two items merged into one',
      after: withItems({xy: {stepId: 'a', rounds: '2+', hash: 'xxxxxxxxxxxx', replaces: ['x', 'y']}}),
      bump: 'minor',
      changes: [
        {target: 'item', kind: 'renamed', id: 'xy', from: 'x', bump: 'minor', section: 'Changed', description: 'Checklist item `x` renamed to `xy`.'},
        {target: 'item', kind: 'renamed', id: 'xy', from: 'y', bump: 'minor', section: 'Changed', description: 'Checklist item `y` renamed to `xy`.'},
      ],
    },
    {
      change: 'a rename kept declared in the next release',
      after: withItems({x: base.items['x']!, y: {...base.items['y']!, replaces: ['gone']}}),
      bump: 'none',
      changes: [],
    },
    {
      change: 'an item removed and one added without `replaces`',
      after: withItems({x2: base.items['x']!, y: base.items['y']!}),
      bump: 'major',
      changes: [
        {target: 'item', kind: 'removed', id: 'x', bump: 'major', section: 'Removed', description: 'Checklist item `x` from step `a` (its id is retired).'},
        {target: 'item', kind: 'added', id: 'x2', bump: 'minor', section: 'Added', description: 'Checklist item `x2` in step `a`.'},
      ],
    },
    {
      change: 'a step renumbered and reworded',
      after: {...base, steps: {a: {number: 2, hash: 'changed00000'}, b: {number: 1, hash: 'bbbbbbbbbbbb'}}},
      bump: 'major',
      changes: [
        {target: 'step', kind: 'moved', id: 'a', from: '1', bump: 'major', section: 'Changed', description: 'Step `a` renumbered from 1 to 2.'},
        {target: 'step', kind: 'reworded', id: 'a', bump: 'patch', section: 'Changed', description: 'Step `a` reworded.'},
        {target: 'step', kind: 'moved', id: 'b', from: '2', bump: 'major', section: 'Changed', description: 'Step `b` renumbered from 2 to 1.'},
      ],
    },
    {
      change: "an item's rounds widened and the introduction reworded",
      after: {...base, introduction: 'changed00000', items: {...base.items, x: {...base.items['x']!, rounds: '1+'}}},
      bump: 'minor',
      changes: [
        {target: 'guide', kind: 'reworded', bump: 'patch', section: 'Changed', description: 'The title, introduction or labels (`step-heading`, `round-heading`) were reworded.'},
        {target: 'item', kind: 'rounds-changed', id: 'x', bump: 'minor', section: 'Changed', description: 'Checklist item `x` now applies to rounds `1+` (was `2+`).'},
      ],
    },
  ]
  it.each(cases)('$change: a $bump bump', ({after, bump, changes}) => {
    const found = diffReleases(base, after)
    expect(found).toEqual(changes)
    expect(requiredBump(found)).toBe(bump)
  })
})

describe('likelyRenames', () => {
  it('pairs a removed id with an added one of the same hash, when no `replaces` says so', () => {
    const after: ReleaseContent = {
      ...base,
      steps: {a2: base.steps['a']!, b: base.steps['b']!},
      items: {x2: base.items['x']!, y: base.items['y']!},
    }
    expect(likelyRenames(base, after)).toEqual([
      {target: 'step', from: 'a', to: 'a2'},
      {target: 'item', from: 'x', to: 'x2'},
    ])
  })

  it('says nothing about a declared rename or a genuinely new item', () => {
    const after = withItems({x2: {...base.items['x']!, replaces: ['x']}, y: base.items['y']!, z: {stepId: 'b', rounds: '2+', hash: 'zzzzzzzzzzzz'}})
    expect(likelyRenames(base, after)).toEqual([])
  })
})

describe('historyProblems', () => {
  // 1.0.0: x, y; 1.1.0: x renamed to x2; 2.0.0: y removed.
  const releases = [
    release('1.0.0', base),
    release('1.1.0', withItems({x2: {...base.items['x']!, replaces: ['x']}, y: base.items['y']!})),
    release('2.0.0', withItems({x2: {...base.items['x']!, replaces: ['x']}})),
  ]
  const history = readIdHistory({releases})
  const item = (id: string, ...replaces: string[]): IdUse => ({id, target: 'item', replaces})
  const cases: Array<{content: string; uses: IdUse[]; problems: Array<{use: number; problem: HistoryProblem}>}> = [
    {content: 'the last release as it is', uses: [item('x2', 'x')], problems: []},
    {content: 'the rename no longer declared', uses: [item('x2')], problems: []},
    {content: 'a new item', uses: [item('x2'), item('z')], problems: []},
    {content: 'a retired id used again', uses: [item('x2'), item('y')], problems: [{use: 1, problem: {kind: 'retired', id: 'y', retiredIn: '2.0.0'}}]},
    {content: 'a renamed id used again', uses: [item('x2'), item('x')], problems: [{use: 1, problem: {kind: 'retired', id: 'x', retiredIn: '1.1.0', renamedTo: 'x2'}}]},
    {content: 'a retired step id used again', uses: [{id: 'y', target: 'step', replaces: []}], problems: [{use: 0, problem: {kind: 'retired', id: 'y', retiredIn: '2.0.0'}}]},
    {content: 'a rename of the last release', uses: [item('x3', 'x2')], problems: []},
    {content: 'replaces naming an id never published', uses: [item('x2'), item('z', 'nope')], problems: [{use: 1, problem: {kind: 'replaces-unpublished', id: 'z', replaced: 'nope'}}]},
    {content: 'replaces naming an id still in use', uses: [item('x2'), item('z', 'x2')], problems: [{use: 1, problem: {kind: 'replaces-live', id: 'z', replaced: 'x2', liveAs: 'item'}}]},
    {content: 'replaces naming a step', uses: [item('z', 'a')], problems: [{use: 0, problem: {kind: 'replaces-step', id: 'z', replaced: 'a'}}]},
    {content: 'replaces naming an id another item retired', uses: [item('x2'), item('z', 'y')], problems: [{use: 1, problem: {kind: 'replaces-retired', id: 'z', replaced: 'y', retiredIn: '2.0.0'}}]},
    {content: 'replaces naming its own id', uses: [item('x2', 'x2')], problems: [{use: 0, problem: {kind: 'replaces-self', id: 'x2'}}]},
    {content: 'one old id replaced twice', uses: [item('p', 'x2'), item('q', 'x2')], problems: [{use: 1, problem: {kind: 'replaces-twice', id: 'q', replaced: 'x2', by: 'p'}}]},
  ]
  it.each(cases)('$content', ({uses, problems}) => {
    expect(historyProblems(history, uses)).toEqual(problems)
  })

  it('knows no ids without a manifest, so any `replaces` is unpublished', () => {
    expect(historyProblems(readIdHistory(undefined), [item('a', 'b')])).toEqual([{use: 0, problem: {kind: 'replaces-unpublished', id: 'a', replaced: 'b'}}])
  })
})

describe('checkHistory with renames and dates', () => {
  const v1 = release('1.0.0', base)
  const cases: Array<{history: string; releases: ManifestRelease[]; problems: string[]}> = [
    {history: 'a rename as a minor', releases: [v1, release('1.1.0', withItems({x2: {...base.items['x']!, replaces: ['x']}, y: base.items['y']!}))], problems: []},
    {
      history: 'a rename as a patch',
      releases: [v1, release('1.0.1', withItems({x2: {...base.items['x']!, replaces: ['x']}, y: base.items['y']!}))],
      problems: ['1.0.0 → 1.0.1 is a patch bump, but its changes need minor'],
    },
    {
      history: 'a rename from an id never published',
      releases: [v1, release('1.1.0', withItems({...base.items, z: {stepId: 'a', rounds: '2+', hash: 'zzzzzzzzzzzz', replaces: ['nope']}}))],
      problems: ['1.1.0 records `z` with expected `replaces` to name an item id that a release published, found `nope`, which no release in manifest.json has'],
    },
    {history: 'a renamed id coming back', releases: [v1, release('1.1.0', withItems({x2: {...base.items['x']!, replaces: ['x']}, y: base.items['y']!})), release('1.2.0', base)], problems: ['1.1.0 → 1.2.0 is a minor bump, but its changes need major', '1.2.0 reuses `x`, retired in 1.1.0']},
    {history: 'a date going back', releases: [v1, release('1.0.1', {...base, introduction: 'changed00000'}, '2029-12-31')], problems: ['1.0.1 is dated 2029-12-31, before 1.0.0 (2030-01-01)']},
  ]
  it.each(cases)('$history', ({releases, problems}) => {
    expect(checkHistory({releases})).toEqual(problems)
  })
})

describe('amendRelease', () => {
  const log = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '### Fixed',
    '',
    '- A later fix.',
    '',
    '## [1.0.1] - 2030-01-02',
    '',
    '### Changed',
    '',
    '- Content: Checklist item `x` reworded.',
    '- A hand-written note.',
    '',
    '## [1.0.0] - 2030-01-01',
    '',
    'First release.',
    '',
    '[1.0.1]: https://example.test/compare/v1.0.0...v1.0.1',
    '',
  ].join('\n')
  const added = diffReleases(base, withItems({...base.items, z: {stepId: 'a', rounds: '2+', hash: 'zzzzzzzzzzzz'}}))

  it('rewrites the entry under its new version, keeping its hand-written notes, and [Unreleased] as it is', () => {
    const amended = amendRelease(log, '1.0.1', '1.1.0', '2030-01-03', added)
    expect(amended).toBe(
      [
        '# Changelog',
        '',
        '## [Unreleased]',
        '',
        '### Fixed',
        '',
        '- A later fix.',
        '',
        '## [1.1.0] - 2030-01-03',
        '',
        '### Added',
        '',
        '- Content: Checklist item `z` in step `a`.',
        '',
        '### Changed',
        '',
        '- A hand-written note.',
        '',
        '## [1.0.0] - 2030-01-01',
        '',
        'First release.',
        '',
        '[1.1.0]: https://example.test/compare/v1.0.0...v1.1.0',
        '',
      ].join('\n'),
    )
    expect(releaseEntry(amended, '1.0.1')).toBeUndefined()
  })

  it('keeps the version when the bump is the same, and takes in [Unreleased] when it has no content changes (a package release)', () => {
    const amended = amendRelease(log, '1.0.1', '1.0.1', '2030-01-02', [])
    expect(releaseEntry(amended, '1.0.1')).toBe('## [1.0.1] - 2030-01-02\n\n### Changed\n\n- A hand-written note.\n\n### Fixed\n\n- A later fix.')
  })

  it('refuses a changelog without the amended entry', () => {
    expect(() => amendRelease(log, '1.0.2', '1.0.2', '2030-01-02', [])).toThrow('expected a `## [1.0.2]` heading in CHANGELOG.md, found none')
  })
})

describe('readManifest', () => {
  const hashes = {introduction: '000000000000', steps: {a: {number: 1, hash: 'aaaaaaaaaaaa'}, b: {number: 2, hash: 'bbbbbbbbbbbb'}}}
  const item = {stepId: 'a', rounds: '2+', hash: 'cccccccccccc'}
  const good = release('1.0.0', {...base, ...hashes, items: {x: item, z: {...item, replaces: ['w']}}, locales: {es: {introduction: '111111111111', steps: {a: '222222222222'}, items: {x: '333333333333'}}}})
  const withItem = (changes: Record<string, unknown>): unknown => ({...good, items: {...good.items, z: {...good.items['z'], ...changes}}})
  const cases: Array<{manifest: string; releases: unknown[]; problem?: string}> = [
    {manifest: 'a release with a date, a rename and a translation', releases: [good]},
    {manifest: 'a release without a date', releases: [{...good, date: undefined}], problem: '`releases[0].date` to be a date (YYYY-MM-DD), found undefined'},
    {manifest: 'a date that is not YYYY-MM-DD', releases: [{...good, date: '2030-1-1'}], problem: '`releases[0].date` to be a date (YYYY-MM-DD), found type string ("2030-1-1")'},
    {manifest: 'an empty `replaces`', releases: [withItem({replaces: []})], problem: '`releases[0].items.z.replaces` to be a list of item ids'},
    {manifest: 'a `replaces` that is not a list of ids', releases: [withItem({replaces: 'w'})], problem: '`releases[0].items.z.replaces` to be a list of item ids'},
    {manifest: 'an item keyed by something other than an id', releases: [{...good, items: {'\u001b[2J': item}}], problem: '`releases[0].items["\\u001b[2J"]` to be keyed by a kebab-case id'},
    // Issue 22, item 3: every field, as content:version writes it.
    {manifest: 'a `stepId` with control characters', releases: [withItem({stepId: 'a\u202e\u001b]52;c;SGk=\u0007'})], problem: '`releases[0].items.z.stepId` to be a kebab-case id, found type string ("a\\u202e\\u001b]52;c;SGk=\\u0007")'},
    {manifest: 'item rounds not in the content\'s syntax', releases: [withItem({rounds: '2+\u0007'})], problem: '`releases[0].items.z.rounds` to be rounds'},
    {manifest: 'a hash that is not 12 hex digits', releases: [withItem({hash: 'x'})], problem: '`releases[0].items.z.hash` to be a hash (12 hex digits)'},
    {manifest: 'a step number that is not a whole number', releases: [{...good, steps: {...good.steps, a: {number: 1.5, hash: 'aaaaaaaaaaaa'}}}], problem: '`releases[0].steps.a.number` to be a step number'},
    {manifest: 'guide rounds not in the content\'s syntax', releases: [{...good, rounds: 'all'}], problem: '`releases[0].rounds` to be rounds'},
    {manifest: 'a field content:version does not write', releases: [withItem({note: '\u001b[2J'})], problem: '`releases[0].items.z.note` to be absent (no such field)'},
    {manifest: 'a locale keyed by something other than a tag', releases: [{...good, locales: {'e\u0085s': good.locales!['es']}}], problem: '`releases[0].locales["e\\u0085s"]` to be keyed by a locale tag'},
    {manifest: 'a translation hash that is not a hash', releases: [{...good, locales: {es: {...good.locales!['es'], items: {x: '\u202e'}}}}], problem: '`releases[0].locales.es.items.x` to be a hash (12 hex digits)'},
  ]
  it.each(cases)('$manifest', async ({releases, problem}) => {
    const folder = await mkdtemp(path.join(tmpdir(), 'ace-manifest-'))
    try {
      await writeFile(path.join(folder, 'manifest.json'), JSON.stringify({releases}))
      const read = await readManifest(path.join(folder, 'manifest.json'))
      if (problem === undefined) expect(read).toEqual({releases})
      else expect(read instanceof VFile ? read.messages[0]?.reason : read).toContain(`Expected ${problem}`)
    } finally {
      await rm(folder, {recursive: true, force: true})
    }
  })
})
