import {describeReceived} from './describe.js'
import {GuideTypeError} from './errors.js'
import {deepFreeze} from './freeze.js'
import {RELEASES_DATA} from './generated/releases-data.js'
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
