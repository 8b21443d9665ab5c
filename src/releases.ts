import {describeReceived} from './describe.js'
import {GuideTypeError} from './errors.js'
import {deepFreeze} from './freeze.js'
import {RELEASES_DATA} from './generated/releases-data.js'
import {guide} from './guide.js'
import {type History, collapseChanges, releasesUpTo} from './history.js'
import type {Change, Release} from './types.js'

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

let shipped: History | undefined

/**
 * The generated history with the installed version, made on first use (a
 * module-level object reading `guide.version` would keep the history in
 * bundles that never ask for it).
 *
 * @returns The same object on every call.
 */
export function shippedHistory(): History {
  return (shipped ??= {releases, current: guide.version})
}

/**
 * List what changed after a release, up to the installed content, collapsed
 * per id: an item added then reworded is `added`; added then removed is not
 * listed; renamed twice is one rename from the first id to the last; removed
 * after a rename is removed under the id the reader knew. Otherwise there is
 * at most one change of each kind per id.
 *
 * @param version A released content version, typically the one a reader's
 *   progress was saved under.
 * @returns The changes, steps before items, ordered by id, deeply frozen; empty
 *   for `guide.version`.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `version` is not a string.
 * @throws {GuideRangeError} `ERR_UNKNOWN_VERSION` when no release has that
 *   version (the message names the nearest released ones).
 * @example
 *   changesSince(guide.version) // []
 *   changesSince(releases[0].version).filter((change) => change.kind === 'added')
 */
export function changesSince(version: string): readonly Change[] {
  return changesIn(shippedHistory(), version)
}

/**
 * {@link changesSince} over any history (for tests of synthetic histories).
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
