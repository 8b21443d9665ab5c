import type {ChecklistItemId, StepId, StepNumber} from './generated/ids.js'
import type {Locale} from './generated/locales.js'

export type {ChecklistItemId, StepId, StepNumber} from './generated/ids.js'
export type {Locale} from './generated/locales.js'

/**
 * Whether a text is the source's own (`source`), a translation that follows
 * the source as it is now (`current`), a translation of an older source text
 * (`outdated`), or the source's text standing in for a missing translation
 * (`fallback`, its `locale` the source's).
 */
export type TranslationStatus = 'source' | 'current' | 'outdated' | 'fallback'

/**
 * An interview round: a safe integer, at least the guide's first covered round
 * (`guide.rounds.from`). There is no upper bound.
 */
export type Round = number

/** Rounds a guide or checklist item applies to; `to: null` means "and every later round". */
export interface RoundRange {
  /** First round, inclusive. */
  readonly from: Round
  /** Last round, inclusive, or `null` for no upper bound. */
  readonly to: Round | null
}

/** One checklist action, with its text rendered for one round. */
export interface ChecklistItem {
  /** Stable id, written in the content; store progress against it. */
  readonly id: ChecklistItemId
  /** Id of the step the item belongs to. */
  readonly stepId: StepId
  /** Number of the step the item belongs to. */
  readonly stepNumber: StepNumber
  /** Plain text, rendered for the round it was asked for (in `getStep`, the item's own first round, `rounds.from`). */
  readonly text: string
  /** Plain text with its `{round}`, `{previous}` and `{next}` placeholders unrendered. */
  readonly template: string
  /** Rounds the item applies to. */
  readonly rounds: RoundRange
  /** Short content hash of the item's wording (its template only): changes when its wording does and only then (a move or a rounds change keeps it). */
  readonly hash: string
  /** Content version that first published this id. */
  readonly since: string
  /** The locale the item's text is in: the guide's own, or the source's for a `fallback`. */
  readonly locale: Locale
  /** Whether the text is the source's, a current or outdated translation, or a fallback to the source. */
  readonly translation: TranslationStatus
}

/** One of the guide's steps. */
export interface Step {
  /** Stable id, written in the content. */
  readonly id: StepId
  /** Position in the guide, from 1. */
  readonly number: StepNumber
  /** Title, as plain text. */
  readonly title: string
  /** One-sentence summary. */
  readonly summary: string
  /** Body paragraphs, as plain text. */
  readonly body: readonly string[]
  /** The step's checklist, rendered for the guide's first covered round. */
  readonly checklist: readonly ChecklistItem[]
  /** Short content hash of the step (title, summary, body, checklist). */
  readonly hash: string
  /** Content version that first published this id. */
  readonly since: string
  /** The locale the step's title, summary and body are in: the guide's own, or the source's for a `fallback`. */
  readonly locale: Locale
  /** Whether the step's words are the source's, a current or outdated translation, or a fallback to the source. */
  readonly translation: TranslationStatus
}

/** The guide's introduction. */
export interface Introduction {
  /** Paragraphs, as plain text. */
  readonly body: readonly string[]
  /** The locale the title and introduction are in. */
  readonly locale: Locale
  /** Whether the title and introduction are the source's, a current or outdated translation, or a fallback to the source (a copy not translated yet). */
  readonly translation: TranslationStatus
}

/** The whole guide. */
export interface Guide {
  /** The guide's name. */
  readonly title: string
  /** The locale this guide is compiled for (`en-GB` for the source); each text says its own. */
  readonly locale: Locale
  /** Semver of the content; see the README's versioning policy. */
  readonly version: string
  /** Version of the data's shape; changes only when the fields do. */
  readonly schemaVersion: number
  /** Rounds the guide covers. */
  readonly rounds: RoundRange
  /** The introduction. */
  readonly introduction: Introduction
  /**
   * The words around the content, in the guide's locale (from its guide.md):
   * `stepHeading` with `{step}`, `{steps}` and `{title}` (`'Step {step} of
   * {steps}: {title}'`), `roundHeading` with `{round}` and the checklist's
   * other placeholders, in the locale's forms (`'Checklist for your {round}
   * interview'`).
   */
  readonly labels: {readonly stepHeading: string; readonly roundHeading: string}
  /** The steps, in order. */
  readonly steps: readonly Step[]
}

/** What happened to a step or checklist item in a release. */
export type ChangeKind = 'added' | 'reworded' | 'removed' | 'renamed' | 'moved' | 'rounds-changed'

/** Whether a change is about a step or a checklist item. */
export type ChangeTarget = 'step' | 'item'

/** One change to a step or checklist item, named by id. */
export interface Change {
  /** What happened. */
  readonly kind: ChangeKind
  /** What it happened to. */
  readonly target: ChangeTarget
  /**
   * The id: the new id of a renamed item, the id it was published under for
   * a removed one.
   */
  readonly id: string
  /**
   * For `renamed`, the old id; for a `moved` item, the id of the step it was
   * in; for a `moved` (renumbered) step, its old number. Absent otherwise.
   */
  readonly from?: string
}

/** One published release of the content. */
export interface Release {
  /** Its content version (`x.y.z`). */
  readonly version: string
  /** The day it was recorded, `YYYY-MM-DD`. */
  readonly date: string
  /** What changed since the release before it (empty for the first release). */
  readonly changes: readonly Change[]
}
