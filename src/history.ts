// The release history's logic, as pure functions of the history itself, so
// tests can run it over synthetic histories; src/releases.ts and
// src/progress.ts bind it to the generated data.
import {describeReceived} from './describe.js'
import {GuideRangeError, GuideTypeError} from './errors.js'
import type {Change, ChangeKind, Release} from './releases.js'

/** A release history and the content version installed with it. */
export interface History {
  /** Every published release, oldest first. */
  readonly releases: readonly Release[]
  /** The installed content version (`guide.version`); known even when no release records it. */
  readonly current: string
}

const PLAIN_VERSION = /^(\d+)\.(\d+)\.(\d+)$/

/** The numbers of a plain `x.y.z` version, or `undefined` for anything else. */
function parts(version: string): number[] | undefined {
  const match = PLAIN_VERSION.exec(version)
  return match === null ? undefined : match.slice(1).map(Number)
}

/** Negative when `a` comes before `b`, positive after, zero when equal (both plain versions). */
function compare(a: readonly number[], b: readonly number[]): number {
  return (a[0]! - b[0]!) || (a[1]! - b[1]!) || (a[2]! - b[2]!)
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
  const known = [...new Set([...history.releases.map((release) => release.version), history.current])]
    .map((text) => ({text, parts: parts(text) ?? [0, 0, 0]}))
    .sort((a, b) => compare(a.parts, b.parts))
  const asked = parts(version)
  const current = parts(history.current)
  if (asked !== undefined && current !== undefined && compare(asked, current) > 0) {
    throw new GuideRangeError(
      newerCode,
      `${call}: expected a version up to the installed ${history.current}, received ${describeReceived(version)}; upgrade the package to read it`,
    )
  }
  // The neighbours on either side; for a malformed version, the latest.
  const below = asked === undefined ? undefined : known.filter((entry) => compare(entry.parts, asked) < 0).at(-1)
  const above = asked === undefined ? known.at(-1) : known.find((entry) => compare(entry.parts, asked) > 0)
  const nearest = [below, above].flatMap((entry) => (entry === undefined ? [] : [`'${entry.text}'`]))
  throw new GuideRangeError(
    'ERR_UNKNOWN_VERSION',
    `${call}: expected a released version, received ${describeReceived(version)}; the nearest released: ${nearest.join(', ')}`,
  )
}

/** Order of the kinds in collapsed output, for each id. */
const KIND_ORDER: readonly ChangeKind[] = ['added', 'removed', 'renamed', 'moved', 'rounds-changed', 'reworded']

interface Entry {
  readonly target: Change['target']
  readonly id: string
  /** Ids the reader knew that became this one (a rename chain's first ids). */
  readonly from: string[]
  /** Whether the id did not exist at the starting version. */
  added: boolean
  /** The other changes, one per kind. */
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
  const entries = new Map<string, Entry>()
  const removed: Change[] = []
  const entry = (target: Change['target'], id: string): Entry => {
    let found = entries.get(`${target} ${id}`)
    if (found === undefined) {
      found = {target, id, from: [], added: false, other: new Map()}
      entries.set(`${target} ${id}`, found)
    }
    return found
  }
  for (const change of changes) {
    const {kind, target, id} = change
    const key = `${target} ${id}`
    if (kind === 'added') {
      entries.set(key, {target, id, from: [], added: true, other: new Map()})
    } else if (kind === 'removed') {
      const old = entries.get(key)
      entries.delete(key)
      if (old?.added !== true) {
        for (const known of old === undefined || old.from.length === 0 ? [id] : old.from) removed.push({kind, target, id: known})
      }
    } else if (kind === 'renamed' && change.from !== undefined) {
      const old = entries.get(`${target} ${change.from}`)
      entries.delete(`${target} ${change.from}`)
      const fresh = !entries.has(key)
      const next = entry(target, id)
      if (old?.added === true) {
        // Renamed before the reader ever saw it: still new to them.
        if (fresh) next.added = true
      } else {
        next.added = false
        next.from.push(...(old === undefined || old.from.length === 0 ? [change.from] : old.from))
        for (const [otherKind, other] of old?.other ?? []) {
          if (!next.other.has(otherKind)) next.other.set(otherKind, {...other, id})
        }
      }
    } else {
      const next = entry(target, id)
      if (!next.added && !next.other.has(kind)) next.other.set(kind, change)
    }
  }
  const out = removed
  for (const {target, id, from, added, other} of entries.values()) {
    if (added) out.push({kind: 'added', target, id})
    else {
      for (const known of from) out.push({kind: 'renamed', target, id, from: known})
      out.push(...other.values())
    }
  }
  return out.sort(
    (a, b) =>
      (a.target === b.target ? 0 : a.target === 'step' ? -1 : 1) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      ((a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : 0),
  )
}

/**
 * Where each renamed item id went: its replacements in the release that
 * renamed it (one id, or several when an item was split).
 *
 * @param releases Every release, oldest first.
 * @returns Old id → new ids.
 */
export function itemRenames(releases: readonly Release[]): Map<string, string[]> {
  const renames = new Map<string, string[]>()
  for (const release of releases) {
    for (const change of release.changes) {
      if (change.kind !== 'renamed' || change.target !== 'item' || change.from === undefined) continue
      const to = renames.get(change.from)
      if (to === undefined) renames.set(change.from, [change.id])
      else if (!to.includes(change.id)) to.push(change.id)
    }
  }
  return renames
}

/**
 * The current ids an id lives on as: itself when it is current, else wherever
 * its renames lead (through chains; several ids after a split). Empty when it
 * was retired, renamed into something later retired, or never existed.
 *
 * @param id A stored id.
 * @param renames What {@link itemRenames} found.
 * @param isCurrent Whether an id is an item of the installed content.
 * @returns The current ids, in the order the renames list them.
 */
export function currentIdsOf(id: string, renames: ReadonlyMap<string, readonly string[]>, isCurrent: (id: string) => boolean): string[] {
  const found: string[] = []
  const seen = new Set<string>()
  const queue = [id]
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    // Ids are never reused, so a cycle means broken data: stop rather than loop.
    if (seen.has(next)) continue
    seen.add(next)
    if (isCurrent(next)) found.push(next)
    else queue.push(...(renames.get(next) ?? []))
  }
  return found
}
