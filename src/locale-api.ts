// The API of one locale, as shared code bound to a locale's data: each
// locale's entry (src/generated/locales/<tag>/index.ts, written by the
// build) opens its data and binds each member below to it; the main entry
// is the source locale's entry, bound the same way.
import {assertIntegerInRange} from './arguments.js'
import {checklistOf, hasItemId} from './checklist.js'
import {describeReceived} from './describe.js'
import {GuideRangeError, GuideTypeError, type isGuideError} from './errors.js'
import {type CompactGuide, expandGuide} from './expand.js'
import {type MigratedProgress, type ProgressRecord, type RoundProgress, migrateIn, progressIn} from './progress.js'
import {changesIn, releases as RELEASES} from './history.js'
import {type Spelling, renderTemplate, spellerFor} from './template.js'
import type {Change, ChecklistItem, ChecklistItemId, Guide, Release, Round, Step, StepId, StepNumber} from './types.js'

/** The calls and data of one locale: what each `ace-second-interview/locales/<tag>` exports, and the main entry for the source locale. */
export interface LocaleApi {
  /**
   * The whole guide: title, content `version`, `schemaVersion`, covered `rounds`,
   * `introduction` and `steps`. Deeply frozen.
   *
   * @example
   *   import {guide} from 'ace-second-interview'
   *   guide.steps.length // 6
   */
  readonly guide: Guide

  /**
   * Get one step by its number.
   *
   * @param n The step's number, an integer from 1 to the number of steps.
   * @returns The step, deeply frozen; the same object on every call.
   * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `n` is not a number (`'3'`, `3n`, `null`).
   * @throws {GuideRangeError} `ERR_STEP_OUT_OF_RANGE` when `n` is not an integer in range (`7`, `2.5`, `NaN`).
   * @example
   *   getStep(2).title // 'Make a plan'
   */
  getStep(n: StepNumber): Step

  /**
   * Get one step by its stable id.
   *
   * @param id The step's id, e.g. `'make-a-plan'`.
   * @returns The step, deeply frozen; the same object on every call.
   * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `id` is not a string.
   * @throws {GuideRangeError} `ERR_UNKNOWN_STEP_ID` when no step has that id.
   * @example
   *   getStepById('make-a-plan').number // 2
   */
  getStepById(id: StepId): Step

  /**
   * List every step in order.
   *
   * @returns The guide's steps array itself (deeply frozen, shared, not a copy).
   * @example
   *   listSteps().map((step) => step.title)
   */
  listSteps(): readonly Step[]

  /**
   * Get the checklist for one interview round: every item that applies to it, in
   * step order, its text rendered for that round (`{next}` in round 3 reads
   * "fourth"). Memoised: the same frozen array for the same round while it is
   * among the 64 rounds computed most recently (an older one is computed again).
   *
   * @param r The round, an integer from `guide.rounds.from` (2) upwards; no upper bound.
   * @returns The items, deeply frozen.
   * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `r` is not a number.
   * @throws {GuideRangeError} `ERR_ROUND_OUT_OF_RANGE` when `r` is not a safe integer ≥ the first round.
   * @example
   *   checklistForRound(3).map((item) => item.text)
   */
  checklistForRound(r: Round): readonly ChecklistItem[]

  /**
   * The heading over a round's checklist: `guide.labels.roundHeading` with its
   * placeholders spelt for the round in this locale's ordinals, as items' are.
   *
   * @param r The round, an integer from `guide.rounds.from` (2) upwards.
   * @returns The heading, e.g. `'Checklist for your third interview'` for 3.
   * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `r` is not a number.
   * @throws {GuideRangeError} `ERR_ROUND_OUT_OF_RANGE` when `r` is not a safe integer ≥ the first round.
   * @example
   *   roundHeading(3) // 'Checklist for your third interview'
   */
  roundHeading(r: Round): string

  /**
   * Tell whether a value is a step number of this guide: an integer from 1 to
   * the number of steps. Never coerces (`'3'` and `3n` are not) and never throws,
   * so untrusted input narrows to `StepNumber` without a cast.
   *
   * @param value Anything, e.g. `Number(userInput)`.
   * @returns `true` when `getStep(value)` would return a step.
   * @example
   *   const n = Number(userInput)
   *   if (isStepNumber(n)) getStep(n).title
   */
  isStepNumber(value: unknown): value is StepNumber

  /**
   * Tell whether a value is the id of one of this guide's steps. Exact match
   * only (no trimming, no case folding); never throws.
   *
   * @param value Anything, e.g. a route parameter.
   * @returns `true` when `getStepById(value)` would return a step.
   * @example
   *   if (isStepId(params.id)) getStepById(params.id).title
   */
  isStepId(value: unknown): value is StepId

  /**
   * Tell whether a value is the id of one of this guide's checklist items, e.g.
   * one read back from storage. Exact match only; never throws.
   *
   * @param value Anything.
   * @returns `true` when some step's checklist has an item with this id.
   * @example
   *   const ticked = JSON.parse(saved).filter(isChecklistItemId)
   */
  isChecklistItemId(value: unknown): value is ChecklistItemId

  /**
   * Tell whether a value is an interview round this guide covers: a safe
   * integer from `guide.rounds.from` (up to `guide.rounds.to` when it has an
   * end). Never coerces, never throws.
   *
   * @param value Anything, e.g. `Number(searchParams.get('round'))`.
   * @returns `true` when `checklistForRound(value)` would return a checklist.
   * @example
   *   const r = Number(input)
   *   const items = isRound(r) ? checklistForRound(r) : []
   */
  isRound(value: unknown): value is Round

  /**
   * Every published release of the content, oldest first, with what changed in
   * each. Generated from `content/manifest.json` at build time. Deeply frozen;
   * the same array in every locale.
   *
   * @example
   *   import {releases} from 'ace-second-interview'
   *   releases.at(-1)?.version // the latest release, normally guide.version
   */
  readonly releases: readonly Release[]

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
  changesSince(version: string): readonly Change[]

  /**
   * Bring a stored progress record up to the installed content: ticks on
   * renamed items move to their current id (through chains of renames), ticks
   * on retired items and on ids never published are dropped and listed,
   * duplicates go, and the order stays as stored. Migrating the result again
   * changes nothing. Fields other than `version` and `checked` are not copied.
   *
   * @param record A record saved earlier, e.g. parsed from `localStorage`.
   * @returns `{version: guide.version, checked, renamed, dropped}`, deeply frozen.
   * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `record` is not an
   *   object or throws when read; `ERR_INVALID_PROGRESS_VERSION` when `record.version` is not a
   *   string; `ERR_INVALID_PROGRESS_CHECKED` when `record.checked` is not an
   *   array of strings.
   * @throws {GuideRangeError} `ERR_PROGRESS_FROM_NEWER_VERSION` when the record
   *   was saved under a newer version than the installed one (never silently
   *   downgraded); `ERR_UNKNOWN_VERSION` when its version was never released.
   * @example
   *   const saved = JSON.parse(localStorage.getItem('progress') ?? 'null') ?? {version: guide.version, checked: []}
   *   const {checked, dropped} = migrateProgress(saved)
   */
  migrateProgress(record: ProgressRecord): MigratedProgress

  /**
   * Split one round's checklist into what a reader has done and what remains.
   * Cheap enough to call on every render: the work is proportional to the
   * round's items and `checked` only (the checklist itself is memoised).
   *
   * @param checked The ticked item ids (an array or a `Set`), as
   *   `migrateProgress` returns them.
   * @param r The round, an integer from `guide.rounds.from` upwards.
   * @returns `{round, total, done, remaining, fraction, unknown}`, deeply frozen;
   *   the items are those of `checklistForRound(r)`.
   * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `checked` is not an
   *   array or `Set` of strings (or throws when read), or `r` is not a number.
   * @throws {GuideRangeError} `ERR_ROUND_OUT_OF_RANGE` when `r` is not a safe integer ≥ the first round.
   * @example
   *   const {done, total, fraction} = progressForRound(['recall-potential-shown'], 2)
   *   `${done.length} of ${total} (${Math.round(fraction * 100)}%)`
   */
  progressForRound(checked: readonly string[] | ReadonlySet<string>, r: Round): RoundProgress
}

/** What `ace-second-interview/locales/<tag>` exports, and what `loadLocale` resolves to: the locale's API and the shared error classes. */
export interface LocaleModule extends LocaleApi {
  /** The class of the errors for an argument of the wrong type, shared by every locale. */
  readonly GuideTypeError: typeof GuideTypeError
  /** The class of the errors for an argument out of range, shared by every locale. */
  readonly GuideRangeError: typeof GuideRangeError
  /** Tell whether a value is an error thrown by this package. */
  readonly isGuideError: typeof isGuideError
}

/** One locale's guide and ordinals: what each member of its API is bound to. */
export interface BoundLocale {
  /** The locale's guide, expanded from its data. */
  readonly guide: Guide
  /** Its ordinals, and the source's for items that fell back to it. */
  readonly spelling: Spelling
}

/**
 * Open one locale's data for binding: its guide is expanded now.
 *
 * @param data The locale's generated guide (`src/generated/locales/<tag>/guide-data.ts`).
 * @param spelling Its ordinals, and the source's for items that fell back to it.
 * @returns What each member below binds to.
 * @example
 *   const locale = openLocale(GUIDE_DATA, {ordinal, sourceOrdinal})
 *   const getStepOfLocale = getStep(locale)
 */
export function openLocale(data: CompactGuide, spelling: Spelling): BoundLocale {
  return {guide: expandGuide(data, spelling), spelling}
}

// Each member of `LocaleApi`, bound to one locale. A locale's entry
// (src/generated/locales/<tag>/index.ts) makes each with a call of its own,
// marked pure, so that a bundler drops the members an app does not use.
// Errors name the public calls. The guards never coerce and never throw.

/** `guide`, of one locale. */
export const guide = (locale: BoundLocale): LocaleApi['guide'] => locale.guide

/** `getStep`, bound to one locale. */
export const getStep = ({guide}: BoundLocale): LocaleApi['getStep'] => (n) => {
  assertIntegerInRange(n, 'getStep(n)', 'n', 1, guide.steps.length, 'ERR_STEP_OUT_OF_RANGE')
  return guide.steps[n - 1] as Step
}

/** `getStepById`, bound to one locale. */
export const getStepById = ({guide}: BoundLocale): LocaleApi['getStepById'] => (id) => {
  if (typeof id !== 'string') {
    throw new GuideTypeError('ERR_INVALID_ARG_TYPE', `getStepById(id): expected "id" to be a step id (type string), received ${describeReceived(id)}`)
  }
  const step = guide.steps.find((other) => other.id === id)
  if (step === undefined) {
    const known = guide.steps.map((other) => `'${other.id}'`).join(', ')
    throw new GuideRangeError('ERR_UNKNOWN_STEP_ID', `getStepById(id): expected "id" to be one of ${known}, received ${describeReceived(id)}`)
  }
  return step
}

/** `listSteps`, bound to one locale. */
export const listSteps = ({guide}: BoundLocale): LocaleApi['listSteps'] => () => guide.steps

/** `checklistForRound`, bound to one locale. */
export const checklistForRound = ({guide, spelling}: BoundLocale): LocaleApi['checklistForRound'] => (r) => checklistOf(guide, spelling)(r)

/** `roundHeading`, bound to one locale: the labels' locale is the introduction's (the source's when it fell back). */
export const roundHeading = ({guide, spelling}: BoundLocale): LocaleApi['roundHeading'] => (r) => {
  assertIntegerInRange(r, 'roundHeading(r)', 'r', guide.rounds.from, guide.rounds.to ?? Number.POSITIVE_INFINITY, 'ERR_ROUND_OUT_OF_RANGE')
  return renderTemplate(guide.labels.roundHeading, r, spellerFor(spelling, guide.introduction.locale, guide.locale))
}

/** `isStepNumber`, bound to one locale. */
export const isStepNumber = ({guide}: BoundLocale): LocaleApi['isStepNumber'] => (value): value is StepNumber =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= guide.steps.length

/** `isStepId`, bound to one locale. */
export const isStepId = ({guide}: BoundLocale): LocaleApi['isStepId'] => (value): value is StepId => typeof value === 'string' && guide.steps.some((step) => step.id === value)

/** `isChecklistItemId`, bound to one locale. */
export const isChecklistItemId = ({guide}: BoundLocale): LocaleApi['isChecklistItemId'] => (value): value is ChecklistItemId => typeof value === 'string' && hasItemId(guide, value)

/** `isRound`, bound to one locale. */
export const isRound = ({guide}: BoundLocale): LocaleApi['isRound'] => (value): value is Round =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= guide.rounds.from && (guide.rounds.to === null || value <= guide.rounds.to)

/** `releases`: the same in every locale. */
export const releases = (_locale: BoundLocale): LocaleApi['releases'] => RELEASES

/** `changesSince`, bound to one locale: the shipped history, up to its `guide.version`. */
export const changesSince = ({guide}: BoundLocale): LocaleApi['changesSince'] => (version) => changesIn({releases: RELEASES, current: guide.version}, version)

/** `migrateProgress`, bound to one locale: the shipped history, up to its `guide.version`. */
export const migrateProgress = ({guide}: BoundLocale): LocaleApi['migrateProgress'] => (record) =>
  migrateIn({releases: RELEASES, current: guide.version}, (id) => hasItemId(guide, id), record)

/** `progressForRound`, bound to one locale. */
export const progressForRound = ({guide, spelling}: BoundLocale): LocaleApi['progressForRound'] => (checked, r) => progressIn(guide, checklistOf(guide, spelling), checked, r)
