// `releases` and `changesSince`: the build-time adapter and the runtime's
// collapsing, table-driven over synthetic histories; then the shipped data,
// with expectations read from content/manifest.json.
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {readManifest} from '../pipeline/release/manifest.js'
import {emitReleasesModule, releasesFromManifest} from '../pipeline/release/emit-releases.js'
import type {Change} from '../src/index.js'
import {changesSince, guide, isGuideError, releases} from '../src/index.js'
import {changesIn} from '../src/history.js'
import {ROOT, thrown} from './helpers.js'
import {type ReleaseSpec, historyOf, manifestOf} from './synthetic-history.js'

const item = (kind: Change['kind'], id: string, from?: string): Change => ({kind, target: 'item', id, ...(from === undefined ? {} : {from})})
const step = (kind: Change['kind'], id: string, from?: string): Change => ({kind, target: 'step', id, ...(from === undefined ? {} : {from})})

interface Case {
  readonly name: string
  readonly history: readonly ReleaseSpec[]
  /** What each release's `changes` lists (the first is always empty). */
  readonly perRelease: readonly (readonly Change[])[]
  /** What `changesSince(version)` returns, by version. */
  readonly since: Readonly<Record<string, readonly Change[]>>
}

const cases: readonly Case[] = [
  {
    name: 'a chain of renames collapses into one rename from the first id to the last',
    history: [
      {version: '1.0.0', items: {a: 's1', x: 's1'}},
      {version: '1.1.0', items: {b: {step: 's1', replaces: ['a']}, x: 's1'}},
      // `replaces` stays declared in later releases; it is no second rename.
      {version: '1.2.0', items: {c: {step: 's1', replaces: ['b']}, x: 's1'}},
    ],
    perRelease: [[], [item('renamed', 'b', 'a')], [item('renamed', 'c', 'b')]],
    since: {'1.0.0': [item('renamed', 'c', 'a')], '1.1.0': [item('renamed', 'c', 'b')], '1.2.0': []},
  },
  {
    name: 'a rename then a removal is a removal of the id the reader knew',
    history: [
      {version: '1.0.0', items: {a: 's1', x: 's1'}},
      {version: '1.1.0', items: {b: {step: 's1', replaces: ['a']}, x: 's1'}},
      {version: '2.0.0', items: {x: 's1'}},
    ],
    perRelease: [[], [item('renamed', 'b', 'a')], [item('removed', 'b')]],
    since: {'1.0.0': [item('removed', 'a')], '1.1.0': [item('removed', 'b')]},
  },
  {
    name: 'an id retired stays retired in a later release',
    history: [
      {version: '1.0.0', items: {a: 's1', x: 's1'}},
      {version: '2.0.0', items: {x: 's1'}},
      {version: '2.1.0', items: {x: 's1', y: 's1'}},
    ],
    perRelease: [[], [item('removed', 'a')], [item('added', 'y')]],
    since: {'1.0.0': [item('removed', 'a'), item('added', 'y')], '2.0.0': [item('added', 'y')]},
  },
  {
    name: 'replacing an id retired in an earlier release is no rename',
    history: [
      {version: '1.0.0', items: {a: 's1', x: 's1'}},
      {version: '2.0.0', items: {x: 's1'}},
      {version: '2.1.0', items: {x: 's1', y: {step: 's1', replaces: ['a']}}},
    ],
    perRelease: [[], [item('removed', 'a')], [item('added', 'y')]],
    since: {'1.0.0': [item('removed', 'a'), item('added', 'y')]},
  },
  {
    name: 'moves between steps keep the step the item was in at the starting version',
    history: [
      {version: '1.0.0', items: {a: 's1', b: 's2'}},
      {version: '2.0.0', items: {a: 's2', b: 's2'}, stepOrder: ['s1', 's2']},
      {version: '3.0.0', items: {a: 's3', b: 's2'}, stepOrder: ['s1', 's2', 's3']},
    ],
    perRelease: [[], [item('moved', 'a', 's1')], [step('added', 's3'), item('moved', 'a', 's2')]],
    since: {'1.0.0': [step('added', 's3'), item('moved', 'a', 's1')], '2.0.0': [step('added', 's3'), item('moved', 'a', 's2')]},
  },
  {
    name: 'rounds changes and rewording of the same item are listed once each',
    history: [
      {version: '1.0.0', items: {a: 's1'}},
      {version: '2.0.0', items: {a: {step: 's1', rounds: '2-3'}}},
      {version: '2.0.1', items: {a: {step: 's1', rounds: '2-3', text: 'v2'}}},
      // In one release, a rounds change and a rewording are each listed.
      {version: '2.1.0', items: {a: {step: 's1', rounds: '2+', text: 'v3'}}},
    ],
    perRelease: [[], [item('rounds-changed', 'a')], [item('reworded', 'a')], [item('rounds-changed', 'a'), item('reworded', 'a')]],
    since: {'1.0.0': [item('rounds-changed', 'a'), item('reworded', 'a')], '2.0.1': [item('rounds-changed', 'a'), item('reworded', 'a')]},
  },
  {
    name: 'added then reworded is added; added then removed is nothing',
    history: [
      {version: '1.0.0', items: {a: 's1'}},
      {version: '1.1.0', items: {a: 's1', n: 's1'}},
      {version: '1.1.1', items: {a: 's1', n: {step: 's1', text: 'v2'}}},
      {version: '1.2.0', items: {a: 's1', n: {step: 's1', text: 'v2'}, m: 's1'}},
      {version: '2.0.0', items: {a: 's1', n: {step: 's1', text: 'v2'}}},
    ],
    perRelease: [[], [item('added', 'n')], [item('reworded', 'n')], [item('added', 'm')], [item('removed', 'm')]],
    since: {'1.0.0': [item('added', 'n')], '1.1.0': [item('reworded', 'n')], '1.2.0': [item('removed', 'm')]},
  },
  {
    name: 'an item added and then renamed is new under its last id',
    history: [
      {version: '1.0.0', items: {a: 's1'}},
      {version: '1.1.0', items: {a: 's1', n: 's1'}},
      {version: '1.2.0', items: {a: 's1', p: {step: 's1', replaces: ['n']}}},
    ],
    perRelease: [[], [item('added', 'n')], [item('renamed', 'p', 'n')]],
    since: {'1.0.0': [item('added', 'p')], '1.1.0': [item('renamed', 'p', 'n')]},
  },
  {
    name: 'two items merged into one are two renames; a rename that moves is also a move',
    history: [
      {version: '1.0.0', items: {a: 's1', b: 's1', x: 's2'}},
      {version: '1.1.0', items: {c: {step: 's2', replaces: ['a', 'b']}, x: 's2'}, stepOrder: ['s1', 's2']},
    ],
    perRelease: [[], [item('renamed', 'c', 'a'), item('renamed', 'c', 'b'), item('moved', 'c', 's1')]],
    since: {'1.0.0': [item('renamed', 'c', 'a'), item('renamed', 'c', 'b'), item('moved', 'c', 's1')]},
  },
  {
    name: 'reworded then renamed keeps both, under the new id',
    history: [
      {version: '1.0.0', items: {a: 's1'}},
      {version: '1.0.1', items: {a: {step: 's1', text: 'v2'}}},
      {version: '1.1.0', items: {b: {step: 's1', text: 'v2', replaces: ['a']}}},
    ],
    perRelease: [[], [item('reworded', 'a')], [item('renamed', 'b', 'a')]],
    since: {'1.0.0': [item('renamed', 'b', 'a'), item('reworded', 'b')]},
  },
  {
    name: 'steps added, reworded, renumbered and removed',
    history: [
      {version: '1.0.0', items: {a: 's1', b: 's2'}},
      {version: '1.0.1', items: {a: 's1', b: 's2'}, stepText: {s2: 'v2'}},
      {version: '2.0.0', items: {a: 's1', b: 's3', c: 's2'}, stepOrder: ['s1', 's3', 's2'], stepText: {s2: 'v2'}},
      {version: '3.0.0', items: {a: 's1', b: 's3'}},
    ],
    perRelease: [
      [],
      [step('reworded', 's2')],
      [step('moved', 's2', '2'), step('added', 's3'), item('moved', 'b', 's2'), item('added', 'c')],
      [step('removed', 's2'), item('removed', 'c')],
    ],
    since: {
      '1.0.0': [step('removed', 's2'), step('added', 's3'), item('moved', 'b', 's2')],
      '1.0.1': [step('removed', 's2'), step('added', 's3'), item('moved', 'b', 's2')],
    },
  },
]

describe('releases from a manifest (build time)', () => {
  it.each(cases)('$name: each release lists its own changes', ({history, perRelease}) => {
    const built = releasesFromManifest(manifestOf(history))
    expect(built.map((release) => release.version)).toEqual(history.map((spec) => spec.version))
    expect(built.map((release) => release.changes)).toEqual(perRelease)
    expect(built.map((release) => release.date)).toEqual(manifestOf(history).releases.map((release) => release.date))
  })

  it('has no releases without a manifest', () => {
    expect(releasesFromManifest(undefined)).toEqual([])
  })

  it('emits a generated module, byte-identical for the same history', () => {
    const built = releasesFromManifest(manifestOf(cases[0]!.history))
    const text = emitReleasesModule(built)
    expect(text.split('\n')[0]).toMatch(/GENERATED FILE: do not edit by hand/)
    expect(emitReleasesModule(releasesFromManifest(manifestOf(cases[0]!.history)))).toBe(text)
    expect(text).toContain('{"kind":"renamed","target":"item","id":"b","from":"a"}')
  })
})

describe('changesSince over synthetic histories', () => {
  const rows = cases.flatMap(({name, history, since}) => Object.entries(since).map(([version, expected]) => ({name, history, version, expected})))
  it.each(rows)('$name (since $version)', ({history, version, expected}) => {
    const changes = changesIn(historyOf(history), version)
    expect(changes).toEqual(expected)
    expect(Object.isFrozen(changes)).toBe(true)
    expect(changes.every((change) => Object.isFrozen(change))).toBe(true)
  })

  const history = historyOf([
    {version: '1.0.0', items: {a: 's1'}},
    {version: '1.1.0', items: {a: 's1', b: 's1'}},
    {version: '2.0.0', items: {b: 's1'}},
  ])
  const unknown = [
    {version: '1.0.5', nearest: ["'1.0.0'", "'1.1.0'"]},
    {version: '0.9.0', nearest: ["'1.0.0'"]},
    {version: '1.5.0', nearest: ["'1.1.0'", "'2.0.0'"]},
    {version: 'v1.0.0', nearest: ["'2.0.0'"]},
    {version: '', nearest: ["'2.0.0'"]},
    {version: '3.0.0', nearest: ['the installed content is 2.0.0: upgrade the package']},
  ]
  it.each(unknown)('a version never released ($version) is a RangeError naming the nearest released ones', ({version, nearest}) => {
    const error = thrown(() => changesIn(history, version))
    expect(error).toBeInstanceOf(RangeError)
    expect(isGuideError(error) && error.code).toBe('ERR_UNKNOWN_VERSION')
    for (const text of nearest) expect((error as Error).message).toContain(text)
    expect((error as Error).message).toContain('changesSince(version)')
  })

  it.each([1, null, undefined, {}, ['1.0.0'], Symbol('1.0.0')])('a non-string version (%s) is a TypeError', (version) => {
    const error = thrown(() => changesIn(history, version))
    expect(error).toBeInstanceOf(TypeError)
    expect(isGuideError(error) && error.code).toBe('ERR_INVALID_ARG_TYPE')
    expect((error as Error).message).toMatch(/^changesSince\(version\): expected "version" to be a released version \(type string\), received /)
  })
})

describe('the shipped releases', () => {
  it('are generated from content/manifest.json', async () => {
    const manifest = await readManifest(path.join(ROOT, 'content/manifest.json'))
    if (manifest instanceof VFile) throw new Error(String(manifest.messages[0]))
    expect(releases).toEqual(releasesFromManifest(manifest))
  })

  it('are deeply frozen and end at the installed content version', () => {
    expect(Object.isFrozen(releases)).toBe(true)
    for (const release of releases) {
      expect(Object.isFrozen(release) && Object.isFrozen(release.changes)).toBe(true)
      expect(release.changes.every((change) => Object.isFrozen(change))).toBe(true)
    }
    expect(releases.at(-1)?.version).toBe(guide.version)
  })

  it('changesSince(guide.version) is empty, and every released version is accepted', () => {
    expect(changesSince(guide.version)).toEqual([])
    for (const {version} of releases) expect(Array.isArray(changesSince(version))).toBe(true)
  })

  it('changesSince(first release) lists only ids the current content or an old release has', () => {
    const ids = new Set([...guide.steps.map((s) => s.id), ...guide.steps.flatMap((s) => s.checklist.map((i) => i.id))])
    for (const change of changesSince(releases[0]!.version)) {
      if (change.kind !== 'removed') expect(ids.has(change.id as never)).toBe(true)
    }
  })
})
