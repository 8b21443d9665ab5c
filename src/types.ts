import type {ChecklistItemId, StepId, StepNumber} from './generated/guide-data.js'
import type {Locale} from './generated/locales.js'

export type {ChecklistItemId, StepId, StepNumber} from './generated/guide-data.js'
export type {Locale} from './generated/locales.js'

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
  /** Plain text, rendered for the round it was asked for (the first covered round in `getStep`). */
  readonly text: string
  /** Plain text with its `{round}`, `{previous}` and `{next}` placeholders unrendered. */
  readonly template: string
  /** Rounds the item applies to. */
  readonly rounds: RoundRange
  /** Short content hash of the item (id, template, rounds); changes when its wording does. */
  readonly hash: string
  /** Content version that first published this id. */
  readonly since: string
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
}

/** The guide's introduction. */
export interface Introduction {
  /** Paragraphs, as plain text. */
  readonly body: readonly string[]
}

/** The whole guide. */
export interface Guide {
  /** The guide's name. */
  readonly title: string
  /** The locale the guide's text is written in (a fallback item says so itself). */
  readonly locale: Locale
  /** Semver of the content; see the README's versioning policy. */
  readonly version: string
  /** Version of the data's shape; changes only when the fields do. */
  readonly schemaVersion: number
  /** Rounds the guide covers. */
  readonly rounds: RoundRange
  /** The introduction. */
  readonly introduction: Introduction
  /** The steps, in order. */
  readonly steps: readonly Step[]
}
