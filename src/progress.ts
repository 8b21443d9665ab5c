import {assertIntegerInRange, readArgument, stringsOf} from './arguments.js'
import {hasItemId} from './checklist.js'
import {describeReceived} from './describe.js'
import {GuideTypeError} from './errors.js'
import {deepFreeze} from './freeze.js'
import {type History, releasesUpTo} from './history.js'
import type {ChecklistItem, ChecklistItemId, Guide, Round} from './types.js'

/**
 * What an app stores of a reader's progress: the content version it was saved
 * under and the ids of the checklist items the reader ticked. Plain JSON.
 */
export interface ProgressRecord {
  /** The content version (`guide.version`) when the record was saved. */
  readonly version: string
  /** Ids of the ticked checklist items. */
  readonly checked: readonly string[]
}

/** A ticked id carried over to the id its item has now. */
export interface ProgressRename {
  /** The id as stored. */
  readonly from: string
  /** The item's current id. */
  readonly to: ChecklistItemId
}

/** What `migrateProgress` returns: a record for the installed content, and what happened to the old one. */
export interface MigratedProgress extends ProgressRecord {
  /** The installed content version. */
  readonly version: string
  /** Current item ids, each once, in the order first stored. */
  readonly checked: readonly ChecklistItemId[]
  /** Stored ids that were carried to a renamed item's current id. */
  readonly renamed: readonly ProgressRename[]
  /** Stored ids that were dropped: retired items, and ids never published. */
  readonly dropped: readonly string[]
}

/** What `progressForRound` returns. */
export interface RoundProgress {
  /** The round. */
  readonly round: Round
  /** How many items the round's checklist has. */
  readonly total: number
  /** The round's items that are ticked, in checklist order, rendered for the round. */
  readonly done: readonly ChecklistItem[]
  /** The round's items still to do, in checklist order, rendered for the round. */
  readonly remaining: readonly ChecklistItem[]
  /** `done.length / total`, from 0 to 1; 0 when the round has no items. */
  readonly fraction: number
  /** Ticked ids that are no item of the installed content (migrate the record first), each once. */
  readonly unknown: readonly string[]
}

/**
 * `migrateProgress` over any history (src/locale-api.ts binds it to the shipped one; tests use synthetic ones).
 *
 * @param history The releases and the installed version.
 * @param isCurrent Whether an id is an item of the installed content.
 * @param record The stored record.
 * @returns The migrated record, deeply frozen.
 * @throws {GuideTypeError} As `migrateProgress`.
 * @throws {GuideRangeError} As `migrateProgress`.
 */
export function migrateIn(history: History, isCurrent: (id: string) => boolean, record: unknown): MigratedProgress {
  const call = 'migrateProgress(record)'
  const expected = 'an object {version, checked}'
  const read = readArgument(call, 'record', expected, () => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined
    const {version, checked} = record as {version?: unknown; checked?: unknown}
    return {version, checked, ids: Array.isArray(checked) ? stringsOf(checked) : undefined}
  })
  if (read === undefined) throw new GuideTypeError('ERR_INVALID_ARG_TYPE', `${call}: expected "record" to be ${expected}, received ${describeReceived(record)}`)
  const {version, checked, ids} = read
  if (typeof version !== 'string') {
    throw new GuideTypeError('ERR_INVALID_PROGRESS_VERSION', `${call}: expected "record.version" to be a content version (type string), received ${describeReceived(version)}`)
  }
  const bad = ids === undefined ? -2 : ids.findIndex((id) => typeof id !== 'string')
  if (bad !== -1) {
    throw new GuideTypeError(
      'ERR_INVALID_PROGRESS_CHECKED',
      `${call}: expected "record.checked" to be an array of item ids (strings), received ${bad === -2 ? describeReceived(checked) : `${describeReceived(ids?.[bad])} at index ${bad}`}`,
    )
  }
  releasesUpTo(history, version, call, 'ERR_PROGRESS_FROM_NEWER_VERSION')
  // Where each renamed item id went: the item of the release that replaced it
  // (an id is retired once, and claimed by one item only).
  const renames = new Map(
    history.releases.flatMap((release) =>
      release.changes.flatMap((change) => (change.kind === 'renamed' && change.target === 'item' ? [[change.from ?? '', change.id] as const] : [])),
    ),
  )
  const kept = new Set<string>()
  const renamed: ProgressRename[] = []
  const dropped: string[] = []
  for (const id of new Set(ids as string[])) {
    // The id itself when it is current, else wherever its renames lead;
    // retired, or never published: dropped. Ids are never reused, so no chain
    // is longer than the map: a longer one is a cycle, broken data.
    let to: string | undefined = id
    for (let hops = 0; to !== undefined && !isCurrent(to); hops++) to = hops < renames.size ? renames.get(to) : undefined
    if (to === undefined) dropped.push(id)
    else {
      if (to !== id) renamed.push({from: id, to: to as ChecklistItemId})
      kept.add(to)
    }
  }
  return deepFreeze({version: history.current, checked: [...kept] as ChecklistItemId[], renamed, dropped})
}

/** `progressForRound(checked, r)` of a guide, whose `checklistForRound` it takes. */
export function progressIn(
  guide: Guide,
  checklistForRound: (r: Round) => readonly ChecklistItem[],
  checked: readonly string[] | ReadonlySet<string>,
  r: Round,
): RoundProgress {
  const call = 'progressForRound(checked, r)'
  const expected = 'an array or Set of item ids (strings)'
  // Copied once, by index or through Set's own iterator: nothing the caller overrides is called twice.
  const ids = readArgument(call, 'checked', expected, () => {
    const value: unknown = checked
    return Array.isArray(value) ? stringsOf(value) : value instanceof Set ? stringsOf([...Set.prototype.values.call(value)]) : undefined
  })
  const bad = ids === undefined ? -2 : ids.findIndex((id) => typeof id !== 'string')
  if (bad !== -1) {
    const received = bad === -2 ? describeReceived(checked) : `${describeReceived(ids?.[bad])} at index ${bad}`
    throw new GuideTypeError('ERR_INVALID_ARG_TYPE', `${call}: expected "checked" to be ${expected}, received ${received}`)
  }
  const ticked = new Set(ids as string[])
  const unknown = [...ticked].filter((id) => !hasItemId(guide, id))
  assertIntegerInRange(r, call, 'r', guide.rounds.from, guide.rounds.to ?? Number.POSITIVE_INFINITY, 'ERR_ROUND_OUT_OF_RANGE')
  const done: ChecklistItem[] = []
  const remaining: ChecklistItem[] = []
  for (const item of checklistForRound(r)) (ticked.has(item.id) ? done : remaining).push(item)
  const total = done.length + remaining.length
  return Object.freeze({
    round: r,
    total,
    done: Object.freeze(done),
    remaining: Object.freeze(remaining),
    fraction: total === 0 ? 0 : done.length / total,
    unknown: Object.freeze(unknown),
  })
}
