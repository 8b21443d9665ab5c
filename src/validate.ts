import {describeReceived} from './describe.js'
import {GuideTypeError} from './errors.js'
import {GUIDE_SCHEMA, SCHEMA_DEFS, type SchemaNode} from './schema.js'
import type {Guide} from './types.js'

/** Stable codes of the problems `validateGuide` reports. */
export type GuideProblemCode =
  | 'ERR_GUIDE_TYPE'
  | 'ERR_GUIDE_MISSING_PROPERTY'
  | 'ERR_GUIDE_UNKNOWN_PROPERTY'
  | 'ERR_GUIDE_PATTERN'
  | 'ERR_GUIDE_TOO_SMALL'
  | 'ERR_GUIDE_STEP_NUMBER'
  | 'ERR_GUIDE_DUPLICATE_ID'
  | 'ERR_GUIDE_MISMATCH'
  | 'ERR_GUIDE_ROUNDS'
  | 'ERR_GUIDE_UNREADABLE'

/** One problem with a value that claims to be a guide. */
export interface GuideProblem {
  /** Stable identifier of the kind of problem. */
  readonly code: GuideProblemCode
  /** Where: property names and array indices from the root, e.g. `['steps', 0, 'id']`. */
  readonly path: readonly (string | number)[]
  /** What was expected and what was found. */
  readonly message: string
}

// Past this many, the rest are left out: a garbage value could otherwise
// produce one problem per element of a huge array.
const MAX_PROBLEMS = 100

type Path = readonly (string | number)[]

function at(path: Path): string {
  return path.length === 0 ? 'the guide' : path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('').replace(/^\./, '')
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function resolve(node: SchemaNode): SchemaNode {
  const name = node.$ref?.replace('#/$defs/', '')
  return name === undefined ? node : (SCHEMA_DEFS[name] ?? node)
}

class Checker {
  readonly problems: GuideProblem[] = []

  report(code: GuideProblemCode, path: Path, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({code, path: [...path], message: `${at(path)}: ${message}`})
  }

  // Returns whether the value matched (used for `anyOf`, which reports once).
  check(node: SchemaNode, value: unknown, path: Path, quiet = false): boolean {
    const schema = resolve(node)
    if (schema.anyOf !== undefined) {
      const ok = schema.anyOf.some((option) => new Checker().check(option, value, path, true))
      if (!ok && !quiet) this.report('ERR_GUIDE_TYPE', path, `expected ${schema.anyOf.map((o) => o.type).join(' or ')}, received ${describeReceived(value)}`)
      return ok
    }
    const actual = typeOf(value)
    if (schema.type !== undefined && actual !== schema.type) {
      if (!quiet) this.report('ERR_GUIDE_TYPE', path, `expected ${schema.type}, received ${describeReceived(value)}`)
      return false
    }
    let ok = true
    const fail = (code: GuideProblemCode, message: string, where: Path = path): void => {
      ok = false
      if (!quiet) this.report(code, where, message)
    }
    if (typeof value === 'string') {
      if (schema.minLength !== undefined && value.length < schema.minLength) fail('ERR_GUIDE_TOO_SMALL', 'expected a non-empty string, received ""')
      if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) fail('ERR_GUIDE_PATTERN', `expected a string matching ${schema.pattern}, received ${describeReceived(value)}`)
    }
    if (typeof value === 'number' && schema.type === 'integer' && !Number.isSafeInteger(value)) {
      fail('ERR_GUIDE_TYPE', `expected a safe integer, received ${describeReceived(value)}`)
    } else if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) {
      fail('ERR_GUIDE_TOO_SMALL', `expected an integer ≥ ${schema.minimum}, received ${value}`)
    }
    if (Array.isArray(value)) {
      if (schema.minItems !== undefined && value.length < schema.minItems) fail('ERR_GUIDE_TOO_SMALL', `expected at least ${schema.minItems} item(s), received ${value.length}`)
      if (schema.items !== undefined) {
        for (let index = 0; index < value.length && this.problems.length < MAX_PROBLEMS; index++) {
          if (!this.check(schema.items, value[index], [...path, index], quiet)) ok = false
        }
      }
    } else if (actual === 'object' && schema.properties !== undefined) {
      const object = value as Record<string, unknown>
      for (const key of schema.required ?? []) {
        if (!Object.hasOwn(object, key)) fail('ERR_GUIDE_MISSING_PROPERTY', `expected property "${key}", found none`, [...path, key])
      }
      for (const key of Object.keys(object)) {
        const child = Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined
        if (child === undefined) {
          if (schema.additionalProperties === false) fail('ERR_GUIDE_UNKNOWN_PROPERTY', `expected only ${Object.keys(schema.properties).join(', ')}, found unknown property "${key}"`, [...path, key])
        } else if (!this.check(child, object[key], [...path, key], quiet)) {
          ok = false
        }
      }
    }
    return ok
  }
}

// Rules JSON Schema cannot say: order, uniqueness, and parent/child agreement.
function checkConsistency(checker: Checker, guide: Guide): void {
  const seen = new Set<string>()
  const claim = (id: string, path: Path): void => {
    if (seen.has(id)) checker.report('ERR_GUIDE_DUPLICATE_ID', path, `expected a unique id, found "${id}" again`)
    seen.add(id)
  }
  const checkRounds = (rounds: Guide['rounds'], path: Path): void => {
    if (rounds.to !== null && rounds.to < rounds.from) checker.report('ERR_GUIDE_ROUNDS', path, `expected "to" ≥ "from" (${rounds.from}), received ${rounds.to}`)
  }
  checkRounds(guide.rounds, ['rounds'])
  guide.steps.forEach((step, index) => {
    if (step.number !== index + 1) checker.report('ERR_GUIDE_STEP_NUMBER', ['steps', index, 'number'], `expected ${index + 1} (steps are numbered in order from 1), received ${step.number}`)
    claim(step.id, ['steps', index, 'id'])
    step.checklist.forEach((item, itemIndex) => {
      const path = ['steps', index, 'checklist', itemIndex]
      claim(item.id, [...path, 'id'])
      if (item.stepId !== step.id) checker.report('ERR_GUIDE_MISMATCH', [...path, 'stepId'], `expected "${step.id}" (its step's id), received "${item.stepId}"`)
      if (item.stepNumber !== step.number) checker.report('ERR_GUIDE_MISMATCH', [...path, 'stepNumber'], `expected ${step.number} (its step's number), received ${item.stepNumber}`)
      checkRounds(item.rounds, [...path, 'rounds'])
      const {from, to} = guide.rounds
      if (item.rounds.from < from || (to !== null && (item.rounds.to === null || item.rounds.to > to))) {
        checker.report('ERR_GUIDE_ROUNDS', [...path, 'rounds'], `expected rounds inside the guide's (from ${from}${to === null ? '' : ` to ${to}`}), received from ${item.rounds.from}${item.rounds.to === null ? '' : ` to ${item.rounds.to}`}`)
      }
    })
  })
}

/**
 * Check any value that claims to be a guide (say, a JSON copy an app fetched
 * or cached) against the guide's schema and its consistency rules.
 *
 * Never throws: `null`, arrays, proxies and other garbage give problems.
 *
 * @param value Anything.
 * @returns The problems, each with a stable `code`, a `path` and a message;
 *   an empty array when `value` is a valid guide. At most 100 are listed.
 * @example
 *   const problems = validateGuide(JSON.parse(cached))
 *   if (problems.length > 0) console.warn(problems.map((p) => p.message))
 */
export function validateGuide(value: unknown): readonly GuideProblem[] {
  const checker = new Checker()
  try {
    if (checker.check(GUIDE_SCHEMA, value, [])) checkConsistency(checker, value as Guide)
  } catch {
    // Getters that throw, revoked proxies: the value cannot be read as data.
    // Nothing about the thrown value is read: it may be hostile too.
    checker.report('ERR_GUIDE_UNREADABLE', [], 'expected plain data, received a value that threw when read')
  }
  return checker.problems
}

/** Thrown by `assertGuide` for a value that is not a valid guide; lists every problem. */
export class GuideValidationError extends GuideTypeError {
  override name = 'GuideValidationError'
  /** The problems `validateGuide` found. */
  readonly problems: readonly GuideProblem[]

  /** @param problems What `validateGuide` returned (non-empty). */
  constructor(problems: readonly GuideProblem[]) {
    super(
      'ERR_INVALID_GUIDE',
      `assertGuide(value): expected a valid guide, found ${problems.length >= MAX_PROBLEMS ? 'at least ' : ''}${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p.message} (${p.code})`).join('\n')}`,
    )
    this.problems = problems
  }
}

/**
 * Throw unless `value` is a valid guide; afterwards TypeScript treats it as one.
 *
 * @param value Anything.
 * @throws {GuideValidationError} `ERR_INVALID_GUIDE` (a `TypeError`) listing every problem.
 * @example
 *   const data: unknown = JSON.parse(cached)
 *   assertGuide(data)
 *   data.steps[0].title
 */
export function assertGuide(value: unknown): asserts value is Guide {
  const problems = validateGuide(value)
  if (problems.length > 0) throw new GuideValidationError(problems)
}
