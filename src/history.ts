// The release history: the shipped releases, and the logic as functions of
// a history, so tests can run it over synthetic histories;
// src/locale-api.ts binds it to the shipped one.
import {describeReceived} from './describe.js'
import {GuideRangeError, GuideTypeError} from './errors.js'
import {deepFreeze} from './freeze.js'
import {RELEASES_DATA} from './generated/releases-data.js'
import type {Change, ChangeKind, Release} from './types.js'

/**
 * Every published release of the content, oldest first, with what changed in
 * each. Generated from `content/manifest.json` at build time. Deeply frozen.
 *
 * @example
 *   import {releases} from 'ace-second-interview'
 *   releases.at(-1)?.version // the latest release, normally guide.version
 */
// Pure: an app that imports none of the history calls does not bundle it.
export const releases: readonly Release[] = /* @__PURE__ */ deepFreeze(RELEASES_DATA)

/** A release history and the content version installed with it. */
export interface History {
  /** Every published release, oldest first. */
  readonly releases: readonly Release[]
  /** The installed content version (`guide.version`); known even when no release records it. */
  readonly current: string
}

const PLAIN_VERSION = /^(\d+)\.(\d+)\.(\d+)$/

/** A plain `x.y.z` version as one sortable number; `NaN` for anything else. */
function rank(version: string): number {
  const match = PLAIN_VERSION.exec(version)
  return match === null ? Number.NaN : (Number(match[1]) * 1e6 + Number(match[2])) * 1e6 + Number(match[3])
}

/**
 * Find where a version stands in the history.
 *
 * @param history The releases and the installed version.
 * @param version A version string (already checked to be a string).
 * @param call The public call and parameter, e.g. `'changesSince(version)'`, for messages.
 * @param newerCode The code for a version newer than the installed one;
 *   `ERR_UNKNOWN_VERSION` when the caller has no code of its own for that.
 * @returns How many releases of `history.releases` are at or before `version`.
 * @throws {GuideRangeError} `newerCode` for a version after `history.current`,
 *   `ERR_UNKNOWN_VERSION` for any other version that was never released.
 */
export function releasesUpTo(
  history: History,
  version: string,
  call: string,
  newerCode: 'ERR_UNKNOWN_VERSION' | 'ERR_PROGRESS_FROM_NEWER_VERSION',
): number {
  const index = history.releases.findIndex((release) => release.version === version)
  if (index !== -1) return index + 1
  if (version === history.current) return history.releases.length
  const asked = rank(version)
  const newer = asked > rank(history.current)
  const known = [...history.releases.map((release) => release.version), history.current].sort((a, b) => rank(a) - rank(b))
  // The neighbours on either side; for a malformed version, the latest.
  const below = known.filter((other) => rank(other) < asked).at(-1)
  const above = Number.isNaN(asked) ? known.at(-1) : known.find((other) => rank(other) > asked)
  throw new GuideRangeError(
    newer ? newerCode : 'ERR_UNKNOWN_VERSION',
    `${call}: expected a released version, received ${describeReceived(version)}; ${
      newer ? `the installed content is ${history.current}: upgrade the package` : `the nearest released: ${[below, above].filter((v) => v !== undefined).map((v) => `'${v}'`).join(', ')}`
    }`,
  )
}

/** Order of the kinds in collapsed output, for each id. */
const KIND_ORDER: readonly ChangeKind[] = ['added', 'removed', 'renamed', 'moved', 'rounds-changed', 'reworded']

/** What happened to one current id since the starting version. */
interface Entry {
  /** The ids the reader knew it by (itself, or a rename chain's first ids); `undefined` when it is new to them. */
  from: string[] | undefined
  /** Its other changes, one per kind. */
  readonly other: Map<ChangeKind, Change>
}

/**
 * Collapse a run of changes (oldest first) into what changed overall, per id:
 * added then anything is `added`; added then removed is nothing; anything then
 * removed is `removed` under the id the reader knew; renames chain into one
 * rename from the first id to the last (the other changes follow the item);
 * otherwise at most one change of each kind per id, a move keeping the step it
 * first moved from.
 *
 * @param changes Changes of consecutive releases, oldest first.
 * @returns The collapsed changes, steps before items, by id, then by kind.
 * @example
 *   collapseChanges([
 *     {kind: 'renamed', target: 'item', id: 'b', from: 'a'},
 *     {kind: 'renamed', target: 'item', id: 'c', from: 'b'},
 *   ]) // [{kind: 'renamed', target: 'item', id: 'c', from: 'a'}]
 */
export function collapseChanges(changes: Iterable<Change>): Change[] {
  const live = new Map<string, Entry>()
  const out: Change[] = []
  for (const change of changes) {
    const {kind, target, id} = change
    const key = `${target} ${id}`
    if (kind === 'added') {
      live.set(key, {from: undefined, other: new Map()})
      continue
    }
    // A rename or removal ends the entry of the id it names (the old id, for a rename).
    const old = kind === 'renamed' ? (change.from ?? '') : kind === 'removed' ? id : undefined
    const ended = old === undefined ? undefined : (live.get(`${target} ${old}`) ?? {from: [old], other: new Map()})
    if (old !== undefined) live.delete(`${target} ${old}`)
    if (kind === 'removed') {
      for (const known of ended?.from ?? []) out.push({kind, target, id: known})
      continue
    }
    let entry = live.get(key)
    if (entry === undefined) live.set(key, (entry = {from: kind === 'renamed' ? undefined : [id], other: new Map()}))
    if (ended !== undefined) {
      // Merged or renamed: the reader's ids and the other changes follow the item.
      if (ended.from !== undefined) entry.from = [...(entry.from ?? []), ...ended.from]
      for (const [otherKind, other] of ended.other) if (!entry.other.has(otherKind)) entry.other.set(otherKind, {...other, id})
    } else if (entry.from !== undefined && !entry.other.has(kind)) entry.other.set(kind, change)
  }
  for (const [key, {from, other}] of live) {
    const [target, id] = key.split(' ') as [Change['target'], string]
    if (from === undefined) out.push({kind: 'added', target, id})
    else out.push(...from.filter((known) => known !== id).map((known): Change => ({kind: 'renamed', target, id, from: known})), ...other.values())
  }
  const order = (change: Change): string => `${change.target === 'step' ? 0 : 1} ${change.id} ${KIND_ORDER.indexOf(change.kind)} ${change.from ?? ''}`
  return out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
}

/**
 * `changesSince` over any history (src/locale-api.ts binds it to the shipped one; tests use synthetic ones).
 *
 * @param history The releases and the installed version.
 * @param version A released version.
 * @returns The collapsed changes, deeply frozen.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `version` is not a string.
 * @throws {GuideRangeError} `ERR_UNKNOWN_VERSION` when it was never released.
 */
export function changesIn(history: History, version: unknown): readonly Change[] {
  const call = 'changesSince(version)'
  if (typeof version !== 'string') {
    throw new GuideTypeError('ERR_INVALID_ARG_TYPE', `${call}: expected "version" to be a released version (type string), received ${describeReceived(version)}`)
  }
  const start = releasesUpTo(history, version, call, 'ERR_UNKNOWN_VERSION')
  return deepFreeze(collapseChanges(history.releases.slice(start).flatMap((release) => release.changes)))
}
