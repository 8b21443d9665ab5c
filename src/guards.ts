import {stepWithId} from './steps.js'
import type {ChecklistItemId, Guide, Round, StepId, StepNumber} from './types.js'

// The type guards on one guide; src/locale-api.ts binds them to a locale's
// guide and documents them (`LocaleApi`). None coerces or throws.

// Each guide's item ids, built on first use.
const itemIds = new WeakMap<Guide, ReadonlySet<string>>()

/** `isStepNumber(value)` of `guide`. */
export function isStepNumber(guide: Guide, value: unknown): value is StepNumber {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= guide.steps.length
}

/** `isStepId(value)` of `guide`. */
export function isStepId(guide: Guide, value: unknown): value is StepId {
  return typeof value === 'string' && stepWithId(guide, value) !== undefined
}

/** `isChecklistItemId(value)` of `guide`. */
export function isChecklistItemId(guide: Guide, value: unknown): value is ChecklistItemId {
  let ids = itemIds.get(guide)
  if (ids === undefined) itemIds.set(guide, (ids = new Set(guide.steps.flatMap((step) => step.checklist.map((item) => item.id)))))
  return typeof value === 'string' && ids.has(value)
}

/** `isRound(value)` of `guide`. */
export function isRound(guide: Guide, value: unknown): value is Round {
  const {from, to} = guide.rounds
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= from && (to === null || value <= to)
}
