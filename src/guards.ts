import {FIRST_STEP, LAST_STEP, guide, stepWithId} from './guide.js'
import type {ChecklistItemId, Round, StepId, StepNumber} from './types.js'

// Every item id, built on first use: a bundle that never calls
// isChecklistItemId must be able to drop it (nothing runs at load time).
let itemIds: ReadonlySet<string> | undefined
function knownItemIds(): ReadonlySet<string> {
  return (itemIds ??= new Set(guide.steps.flatMap((step) => step.checklist.map((item) => item.id))))
}

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
export function isStepNumber(value: unknown): value is StepNumber {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= FIRST_STEP && value <= LAST_STEP
}

/**
 * Tell whether a value is the id of one of this guide's steps. Exact match
 * only (no trimming, no case folding); never throws.
 *
 * @param value Anything, e.g. a route parameter.
 * @returns `true` when `getStepById(value)` would return a step.
 * @example
 *   if (isStepId(params.id)) getStepById(params.id).title
 */
export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && stepWithId(value) !== undefined
}

/**
 * Tell whether a value is the id of one of this guide's checklist items, e.g.
 * one read back from storage. Exact match only; never throws.
 *
 * @param value Anything.
 * @returns `true` when some step's checklist has an item with this id.
 * @example
 *   const ticked = JSON.parse(saved).filter(isChecklistItemId)
 */
export function isChecklistItemId(value: unknown): value is ChecklistItemId {
  return typeof value === 'string' && knownItemIds().has(value)
}

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
export function isRound(value: unknown): value is Round {
  const {from, to} = guide.rounds
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= from && (to === null || value <= to)
}
