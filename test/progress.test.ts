// `migrateProgress` (table-driven over synthetic histories, then on the
// shipped data) and `progressForRound` (expectations read from the guide).
import {describe, expect, it} from 'vitest'
import {type ChecklistItemId, checklistForRound, guide, isGuideError, migrateProgress, progressForRound} from '../src/index.js'
import {migrateIn} from '../src/progress.js'
import {thrown} from './helpers.js'
import {type ReleaseSpec, currentItemsOf, historyOf} from './synthetic-history.js'

const HISTORY: readonly ReleaseSpec[] = [
  {version: '1.0.0', items: {a: 's1', b: 's1', gone: 's1', x: 's2', y: 's2', z: 's2'}},
  // a → a2 (renamed), gone retired, y and z merged into yz.
  {version: '2.0.0', items: {a2: {step: 's1', replaces: ['a']}, b: 's1', x: 's2', yz: {step: 's2', replaces: ['y', 'z']}}},
  // a2 → a3, b moved to s2, n added.
  {version: '2.1.0', items: {a3: {step: 's1', replaces: ['a2']}, b: 's2', x: 's2', yz: {step: 's2', replaces: ['y', 'z']}, n: 's1'}},
  // x retired after its rename: x → x2, then x2 removed.
  {version: '2.2.0', items: {a3: 's1', b: 's2', x2: {step: 's2', replaces: ['x']}, yz: 's2', n: 's1'}},
  {version: '3.0.0', items: {a3: 's1', b: 's2', yz: 's2', n: 's1'}},
]

const migrate = (record: unknown) => migrateIn(historyOf(HISTORY), currentItemsOf(HISTORY), record)

const cases = [
  {name: 'a chain of renames carries a tick to the last id', record: {version: '1.0.0', checked: ['a']}, checked: ['a3'], renamed: [{from: 'a', to: 'a3'}], dropped: []},
  {name: 'a tick on the middle of a chain', record: {version: '2.0.0', checked: ['a2']}, checked: ['a3'], renamed: [{from: 'a2', to: 'a3'}], dropped: []},
  {name: 'a retired id is dropped and listed', record: {version: '1.0.0', checked: ['gone', 'b']}, checked: ['b'], renamed: [], dropped: ['gone']},
  {name: 'a rename then a removal drops the old id', record: {version: '1.0.0', checked: ['x']}, checked: [], renamed: [], dropped: ['x']},
  {name: 'an id never published is dropped', record: {version: '2.1.0', checked: ['n', 'never-was']}, checked: ['n'], renamed: [], dropped: ['never-was']},
  {name: 'a moved item keeps its tick', record: {version: '2.0.0', checked: ['b']}, checked: ['b'], renamed: [], dropped: []},
  {
    name: 'merged items become one tick, at the place of the first',
    record: {version: '1.0.0', checked: ['b', 'z', 'y']},
    checked: ['b', 'yz'],
    renamed: [{from: 'z', to: 'yz'}, {from: 'y', to: 'yz'}],
    dropped: [],
  },
  {
    name: 'duplicates go, order stays as stored',
    record: {version: '1.0.0', checked: ['b', 'gone', 'a', 'b', 'a3', 'gone']},
    checked: ['b', 'a3'],
    renamed: [{from: 'a', to: 'a3'}],
    dropped: ['gone'],
  },
  {name: 'a current record is unchanged', record: {version: '3.0.0', checked: ['n', 'a3']}, checked: ['n', 'a3'], renamed: [], dropped: []},
  {name: 'an empty record', record: {version: '1.0.0', checked: []}, checked: [], renamed: [], dropped: []},
  {name: 'other fields are not copied', record: {version: '1.0.0', checked: ['b'], extra: true}, checked: ['b'], renamed: [], dropped: []},
]

describe('migrateProgress over a synthetic history', () => {
  it.each(cases)('$name', ({record, checked, renamed, dropped}) => {
    const result = migrate(record)
    expect(result).toEqual({version: '3.0.0', checked, renamed, dropped})
    expect(Object.isFrozen(result) && Object.isFrozen(result.checked) && Object.isFrozen(result.renamed) && Object.isFrozen(result.dropped)).toBe(true)
    expect(result.renamed.every((rename) => Object.isFrozen(rename))).toBe(true)
    expect(migrate(result)).toEqual({...result, renamed: [], dropped: []})
  })

  const bad = [
    {record: null, type: TypeError, code: 'ERR_INVALID_ARG_TYPE', message: 'expected "record" to be an object {version, checked}, received null'},
    {record: ['a'], type: TypeError, code: 'ERR_INVALID_ARG_TYPE', message: 'received an array'},
    {record: '{"version":"1.0.0"}', type: TypeError, code: 'ERR_INVALID_ARG_TYPE', message: 'received type string'},
    {record: {checked: []}, type: TypeError, code: 'ERR_INVALID_PROGRESS_VERSION', message: 'expected "record.version" to be a content version (type string), received undefined'},
    {record: {version: 1, checked: []}, type: TypeError, code: 'ERR_INVALID_PROGRESS_VERSION', message: 'received type number (1)'},
    {record: {version: '1.0.0'}, type: TypeError, code: 'ERR_INVALID_PROGRESS_CHECKED', message: 'expected "record.checked" to be an array of item ids (strings), received undefined'},
    {record: {version: '1.0.0', checked: new Set(['a'])}, type: TypeError, code: 'ERR_INVALID_PROGRESS_CHECKED', message: 'received an instance of Set'},
    {record: {version: '1.0.0', checked: ['a', 3]}, type: TypeError, code: 'ERR_INVALID_PROGRESS_CHECKED', message: 'received type number (3) at index 1'},
    {record: {version: '4.0.0', checked: []}, type: RangeError, code: 'ERR_PROGRESS_FROM_NEWER_VERSION', message: 'the installed content is 3.0.0: upgrade the package'},
    {record: {version: '3.0.1', checked: ['a']}, type: RangeError, code: 'ERR_PROGRESS_FROM_NEWER_VERSION', message: 'received type string ("3.0.1")'},
    {record: {version: '2.0.5', checked: []}, type: RangeError, code: 'ERR_UNKNOWN_VERSION', message: "the nearest released: '2.0.0', '2.1.0'"},
    {record: {version: 'latest', checked: []}, type: RangeError, code: 'ERR_UNKNOWN_VERSION', message: "the nearest released: '3.0.0'"},
  ]
  it.each(bad)('rejects $record with $code', ({record, type, code, message}) => {
    const error = thrown(() => migrate(record))
    expect(error).toBeInstanceOf(type)
    expect(isGuideError(error) && error.code).toBe(code)
    expect((error as Error).message).toContain('migrateProgress(record): ')
    expect((error as Error).message).toContain(message)
  })
})

// Issue 22, item 7: input that reads differently each time, or throws when read.
const throwing = new Proxy({}, {get: () => { throw new Error('trap') }, getPrototypeOf: () => { throw new Error('trap') }})
const revoked = (() => { const {proxy, revoke} = Proxy.revocable([], {}); revoke(); return proxy })()
// Strings by index, numbers by iterator.
const twoFaced = Object.assign(['a'], {[Symbol.iterator]: function* () { yield 1 }})

describe('migrateProgress and progressForRound on hostile input', () => {
  it.each([
    {name: 'a record whose reads throw', record: throwing, code: 'ERR_INVALID_ARG_TYPE'},
    {name: 'a revoked proxy', record: revoked, code: 'ERR_INVALID_ARG_TYPE'},
    {name: '`checked` a revoked proxy', record: {version: '1.0.0', checked: revoked}, code: 'ERR_INVALID_ARG_TYPE'},
    {name: '`checked` whose reads throw', record: {version: '1.0.0', checked: new Proxy(['a'], {get: () => { throw new Error('trap') }})}, code: 'ERR_INVALID_ARG_TYPE'},
  ])('migrateProgress: $name throws $code', ({record, code}) => {
    const error = thrown(() => migrate(record))
    expect(isGuideError(error) && error.code).toBe(code)
    expect((error as Error).message).toMatch(/^migrateProgress\(record\): expected /)
  })

  it('reads `checked` once, by index: an iterator that disagrees changes nothing', () => {
    const result = migrate({version: '3.0.0', checked: twoFaced})
    expect(result.dropped.every((id) => typeof id === 'string')).toBe(true)
    expect(result).toEqual(migrate({version: '3.0.0', checked: ['a']}))
  })

  it.each([
    {name: 'a revoked proxy', checked: revoked},
    {name: 'a proxy whose reads throw', checked: throwing},
    {name: 'an array whose reads throw', checked: new Proxy(['a'], {get: () => { throw new Error('trap') }})},
  ])('progressForRound: $name throws ERR_INVALID_ARG_TYPE', ({checked}) => {
    const error = thrown(() => progressForRound(checked as never, guide.rounds.from))
    expect(isGuideError(error) && error.code).toBe('ERR_INVALID_ARG_TYPE')
    expect((error as Error).message).toMatch(/^progressForRound\(checked, r\): expected /)
  })

  it('progressForRound reads a Set through its own iterator: overridden methods change nothing', () => {
    const id = itemIds[0]!
    const hostile = Object.assign(new Set([id]), {has: () => { throw new Error('trap') }, [Symbol.iterator]: function* () { yield 1 }})
    expect(progressForRound(hostile, guide.rounds.from)).toEqual(progressForRound(new Set([id]), guide.rounds.from))
  })
})

// Every current item id, from the guide itself.
const itemIds = guide.steps.flatMap((step) => step.checklist.map((item) => item.id))

describe('migrateProgress on the shipped content', () => {
  it('keeps every current id, drops the rest, and stamps the installed version', () => {
    const result = migrateProgress({version: guide.version, checked: ['not-an-item-id', ...itemIds, itemIds[0]!]})
    expect(result).toEqual({version: guide.version, checked: itemIds, renamed: [], dropped: ['not-an-item-id']})
  })

  it('refuses a record from a newer content version', () => {
    const [major] = guide.version.split('.').map(Number)
    const error = thrown(() => migrateProgress({version: `${major! + 1}.0.0`, checked: []}))
    expect(isGuideError(error) && error.code).toBe('ERR_PROGRESS_FROM_NEWER_VERSION')
  })
})

describe('progressForRound', () => {
  const rounds = [guide.rounds.from, guide.rounds.from + 1, guide.rounds.from + 7]
  it.each(rounds)('splits round %i into done and remaining, in checklist order', (round) => {
    const items = checklistForRound(round)
    const ticked = items.filter((_, index) => index % 2 === 0).map((item) => item.id)
    const result = progressForRound([...ticked, 'not-an-item-id', 'not-an-item-id'], round)
    expect(result).toEqual({
      round,
      total: items.length,
      done: items.filter((item) => ticked.includes(item.id)),
      remaining: items.filter((item) => !ticked.includes(item.id)),
      fraction: ticked.length / items.length,
      unknown: ['not-an-item-id'],
    })
    // The round's own items (rendered for it), not copies.
    expect(result.done[0]).toBe(items[0])
    expect(Object.isFrozen(result) && Object.isFrozen(result.done) && Object.isFrozen(result.remaining) && Object.isFrozen(result.unknown)).toBe(true)
    expect(progressForRound(new Set([...ticked, 'not-an-item-id']), round)).toEqual(result)
  })

  it('counts an item of another round as neither done nor unknown', () => {
    const round = guide.rounds.from
    const elsewhere = itemIds.filter((id) => !checklistForRound(round).some((item) => item.id === id))
    const result = progressForRound(elsewhere, round)
    expect(result.done).toEqual([])
    expect(result.unknown).toEqual([])
    expect(result.fraction).toBe(0)
  })

  it('is complete when every id is ticked', () => {
    const result = progressForRound(itemIds as ChecklistItemId[], guide.rounds.from)
    expect(result.remaining).toEqual([])
    expect(result.fraction).toBe(1)
  })

  const bad = [
    {checked: 'recall', r: guide.rounds.from, type: TypeError, code: 'ERR_INVALID_ARG_TYPE', message: '"checked" to be an array or Set of item ids (strings), received type string'},
    {checked: null, r: guide.rounds.from, type: TypeError, code: 'ERR_INVALID_ARG_TYPE', message: 'received null'},
    // The element that is not an id, as migrateProgress names it: "an array" would not say which.
    {checked: [1], r: guide.rounds.from, type: TypeError, code: 'ERR_INVALID_ARG_TYPE', message: 'received type number (1) at index 0'},
    {checked: new Set(['a', null]), r: guide.rounds.from, type: TypeError, code: 'ERR_INVALID_ARG_TYPE', message: 'received null at index 1'},
    {checked: [], r: String(guide.rounds.from), type: TypeError, code: 'ERR_INVALID_ARG_TYPE', message: '"r" to be an integer'},
    {checked: [], r: guide.rounds.from - 1, type: RangeError, code: 'ERR_ROUND_OUT_OF_RANGE', message: `received type number (${guide.rounds.from - 1})`},
    {checked: [], r: guide.rounds.from + 0.5, type: RangeError, code: 'ERR_ROUND_OUT_OF_RANGE', message: `received type number (${guide.rounds.from + 0.5})`},
  ]
  it.each(bad)('rejects ($checked, $r) with $code', ({checked, r, type, code, message}) => {
    const error = thrown(() => progressForRound(checked as never, r as never))
    expect(error).toBeInstanceOf(type)
    expect(isGuideError(error) && error.code).toBe(code)
    expect((error as Error).message).toContain('progressForRound(checked, r): ')
    expect((error as Error).message).toContain(message)
  })
})
