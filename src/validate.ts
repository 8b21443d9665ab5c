import {describeReceived, quote} from './describe.js'
import {GuideTypeError} from './errors.js'
import {deepFreeze} from './freeze.js'
import {GUIDE_SCHEMA, PATTERNS, SCHEMA_DEFS, type SchemaNode} from './schema.js'
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
  | 'ERR_GUIDE_NOT_PLAIN'
  | 'ERR_GUIDE_CHARACTER'
  | 'ERR_GUIDE_SCHEMA_VERSION'

/** One problem with a value that claims to be a guide. */
export interface GuideProblem {
  /** Stable identifier of the kind of problem. */
  readonly code: GuideProblemCode
  /** Where: property names and array indices from the root, e.g. `['steps', 0, 'id']`. */
  readonly path: readonly (string | number)[]
  /** What was expected and what was found. */
  readonly message: string
}

// Past this many, the rest are left out, and the walk stops: a garbage value
// could otherwise produce one problem per element of a huge array.
const MAX_PROBLEMS = 100

// Longest property name quoted in a message.
const MAX_KEY_SHOWN = 40

type Path = readonly (string | number)[]

// A path as messages show it (`steps[0].id`), long or odd keys quoted and clipped.
function at(path: Path): string {
  if (path.length === 0) return 'the guide'
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]{0,39}$/.test(key) ? `.${key}` : `[${quote(key, MAX_KEY_SHOWN)}]`))
    .join('')
    .replace(/^\./, '')
}

// Not a value: where a read failed or was refused (and reported), so the
// checks that need it skip it. Never in a snapshot that passed.
const SKIP: unique symbol = Symbol('skip')

// The JSON type of a value, as the schema names it (`number` is a non-integer).
function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  // Array.isArray throws for a revoked proxy: the caller reports it.
  return typeof value === 'object' ? (Array.isArray(value) ? 'array' : 'object') : typeof value
}

// A realm's `Object.prototype` (the one prototype whose own prototype is null).
const isRootPrototype = (proto: unknown): boolean => proto !== null && Object.getPrototypeOf(proto) === null

const UNREADABLE = 'expected plain data, received a value that threw when read'

// Reads the caller's value once into a snapshot while checking it against
// the schema: each property through its descriptor (no getter is called),
// each read that throws reported at the path of the value being read.
class Checker {
  readonly problems: GuideProblem[] = []

  get full(): boolean {
    return this.problems.length >= MAX_PROBLEMS
  }

  report(code: GuideProblemCode, path: Path, message: string): void {
    if (!this.full) this.problems.push(Object.freeze({code, path: Object.freeze([...path]), message: `${at(path)}: ${message}`}))
  }

  // Reads of the caller's value (a trap, a revoked proxy): a throw is reported at `path`, not thrown.
  attempt(path: Path, read: () => unknown): unknown {
    try {
      return read()
    } catch {
      this.report('ERR_GUIDE_UNREADABLE', path, UNREADABLE)
      return SKIP
    }
  }

  /** Check `value` against `node`; returns what was read: a fresh plain object or array, or the primitive. */
  check(node: SchemaNode, value: unknown, path: Path): unknown {
    return this.attempt(path, () => {
      const schema = node.$ref === undefined ? node : (SCHEMA_DEFS[node.$ref.replace('#/$defs/', '')] ?? node)
      const kind = kindOf(value)
      // Options differ by type only (`to`: an integer or null), so the value's type picks one.
      const options = schema.anyOf ?? [schema]
      const chosen = options.find((option) => option.type === undefined || option.type === kind)
      if (chosen === undefined) {
        this.report('ERR_GUIDE_TYPE', path, `expected ${options.map((option) => option.type).join(' or ')}, received ${describeReceived(value)}`)
        return SKIP
      }
      if (kind === 'array') return this.checkArray(chosen, value as object, path)
      if (kind === 'object') return this.checkObject(chosen, value as object, path)
      if (typeof value === 'number') {
        if (chosen.type === 'integer' && !Number.isSafeInteger(value)) {
          this.report('ERR_GUIDE_TYPE', path, `expected a safe integer, received ${describeReceived(value)}`)
        } else if (chosen.const !== undefined && value !== chosen.const) {
          this.report('ERR_GUIDE_SCHEMA_VERSION', path, `expected ${chosen.const} (the only schema version this package reads), received ${value}`)
        } else if (chosen.minimum !== undefined && value < chosen.minimum) {
          this.report('ERR_GUIDE_TOO_SMALL', path, `expected an integer ≥ ${chosen.minimum}, received ${value}`)
        }
      } else if (typeof value === 'string') {
        this.checkString(chosen, value, path)
      }
      return value
    })
  }

  // Patterns are read with the `u` flag, as JSON Schema validators do:
  // `\ud800-\udfff` then matches lone surrogates only, never a pair.
  private checkString({minLength, pattern, enum: options}: SchemaNode, value: string, path: Path): void {
    if (minLength !== undefined && value.length < minLength) this.report('ERR_GUIDE_TOO_SMALL', path, 'expected a non-empty string, received ""')
    if (options !== undefined) {
      if (!options.includes(value)) this.report('ERR_GUIDE_PATTERN', path, `expected one of ${options.map((option) => JSON.stringify(option)).join(', ')}, received ${describeReceived(value)}`)
    } else if (pattern !== undefined && !new RegExp(pattern, 'u').test(value)) {
      if (pattern === PATTERNS.line || pattern === PATTERNS.paragraph) {
        // The text patterns forbid characters (`^[^…]*$`): name the first one found.
        const char = new RegExp(`[${pattern.slice(3, -3)}]`, 'u').exec(value)?.[0] ?? ''
        const shown = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
        const allowed = pattern === PATTERNS.paragraph ? ' (tabs and line feeds are fine)' : ' or line breaks'
        this.report('ERR_GUIDE_CHARACTER', path, `expected text without control, bidi or zero-width characters or lone surrogates${allowed}, found ${shown} in ${describeReceived(value)}`)
      } else {
        this.report('ERR_GUIDE_PATTERN', path, `expected a string matching ${pattern}, received ${describeReceived(value)}`)
      }
    }
  }

  // One own property, read once through its descriptor: a getter is never called.
  private checkOwn(node: SchemaNode, object: object, key: string, path: Path): unknown {
    return this.attempt(path, () => {
      const descriptor = Reflect.getOwnPropertyDescriptor(object, key)
      if (descriptor !== undefined && 'value' in descriptor) return this.check(node, descriptor.value, path)
      const found = descriptor === undefined ? 'a hole' : `a ${descriptor.get === undefined ? 'setter' : 'getter'} (not called)`
      this.report('ERR_GUIDE_NOT_PLAIN', path, `expected a data property, found ${found}`)
      return SKIP
    })
  }

  private checkArray(schema: SchemaNode, value: object, path: Path): unknown {
    // Plain: its prototype is a realm's `Array.prototype`; its length a data property.
    const proto: unknown = Object.getPrototypeOf(value)
    const plain = Array.isArray(proto) && isRootPrototype(Object.getPrototypeOf(proto))
    const length: unknown = plain ? Reflect.getOwnPropertyDescriptor(value, 'length')?.value : undefined
    if (typeof length !== 'number') {
      this.report('ERR_GUIDE_NOT_PLAIN', path, 'expected a plain array, received one with another prototype or no length')
      return SKIP
    }
    if (schema.minItems !== undefined && length < schema.minItems) {
      this.report('ERR_GUIDE_TOO_SMALL', path, `expected at least ${schema.minItems} item(s), received ${length}`)
    }
    const snapshot: unknown[] = []
    for (let index = 0; index < length && !this.full; index++) snapshot.push(this.checkOwn(schema.items ?? {}, value, String(index), [...path, index]))
    // Only `length` and the indices belong to a plain array.
    for (const key of this.full ? [] : Reflect.ownKeys(value)) {
      if (typeof key === 'symbol') this.report('ERR_GUIDE_NOT_PLAIN', path, `expected only string keys, received ${describeReceived(key)}`)
      else if (key !== 'length' && !(/^(?:0|[1-9]\d*)$/.test(key) && Number(key) < length)) {
        this.report('ERR_GUIDE_NOT_PLAIN', [...path, key], `expected only items in an array, found the property ${quote(key, MAX_KEY_SHOWN)}`)
      }
    }
    return snapshot
  }

  private checkObject(schema: SchemaNode, value: object, path: Path): unknown {
    // Plain: its prototype is a realm's `Object.prototype`, or null.
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto !== null && !isRootPrototype(proto)) {
      this.report('ERR_GUIDE_NOT_PLAIN', path, `expected a plain object, received ${describeReceived(value)}`)
      return SKIP
    }
    const properties = schema.properties ?? {}
    const snapshot: Record<string, unknown> = {}
    for (const key of Reflect.ownKeys(value)) {
      if (this.full) break
      if (typeof key === 'symbol') this.report('ERR_GUIDE_NOT_PLAIN', path, `expected only string keys, received ${describeReceived(key)}`)
      else if (Object.hasOwn(properties, key)) snapshot[key] = this.checkOwn(properties[key] as SchemaNode, value, key, [...path, key])
      else if (schema.additionalProperties === false) {
        this.report('ERR_GUIDE_UNKNOWN_PROPERTY', [...path, key], `expected only ${Object.keys(properties).join(', ')}, found unknown property ${quote(key, MAX_KEY_SHOWN)}`)
      }
    }
    // A property reported as unreadable is not reported again as missing.
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(snapshot, key)) this.report('ERR_GUIDE_MISSING_PROPERTY', [...path, key], `expected property "${key}", found none`)
    }
    return snapshot
  }
}

// The snapshot as the consistency checks see it: anything may be missing or
// of the wrong type (the schema reported that), so each check reads
// defensively. The snapshot is our own plain data: reading it is safe.
type Loose = Readonly<Record<string, unknown>>
type Range = {readonly from: number; readonly to: number | null}
const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value)
const isInteger = (value: unknown): value is number => Number.isSafeInteger(value)
const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : [])
const rangeOf = (value: unknown): Range | undefined =>
  isRecord(value) && isInteger(value['from']) && (value['to'] === null || isInteger(value['to'])) ? (value as Range) : undefined
const rangeText = ({from, to}: Range): string => `from ${from}${to === null ? '' : ` to ${to}`}`

// Rules JSON Schema cannot say: order, uniqueness, and parent/child agreement.
// They run on whatever part of the snapshot has the shape they need, even
// when the schema found problems elsewhere.
function checkConsistency(checker: Checker, guide: unknown): void {
  if (!isRecord(guide)) return
  const ids = new Set<string>()
  const guideRounds = rangeOf(guide['rounds'])
  const checkRange = (rounds: Range | undefined, path: Path): void => {
    if (rounds !== undefined && rounds.to !== null && rounds.to < rounds.from) {
      checker.report('ERR_GUIDE_ROUNDS', path, `expected "to" ≥ "from" (${rounds.from}), received ${rounds.to}`)
    }
  }
  // What the introduction, each step and each item share: a unique id, and
  // a locale that agrees with its translation status.
  const checkUnit = ({id, locale, translation}: Loose, path: Path): void => {
    if (typeof id === 'string') {
      if (ids.has(id)) checker.report('ERR_GUIDE_DUPLICATE_ID', [...path, 'id'], `expected a unique id, found ${quote(id, MAX_KEY_SHOWN)} again`)
      ids.add(id)
    }
    // A text is in the guide's locale unless it is a fallback to the source's.
    const own = guide['locale']
    if (typeof own !== 'string' || typeof locale !== 'string' || typeof translation !== 'string' || (translation === 'fallback') === (locale !== own)) return
    checker.report(
      'ERR_GUIDE_MISMATCH',
      [...path, 'locale'],
      translation === 'fallback'
        ? `expected the source's locale for a fallback (a text standing in for a missing translation), received the guide's own ${quote(own, MAX_KEY_SHOWN)}`
        : `expected ${quote(own, MAX_KEY_SHOWN)} (the guide's locale) for a text that is not a fallback, received ${quote(locale, MAX_KEY_SHOWN)}`,
    )
  }
  checkRange(guideRounds, ['rounds'])
  if (isRecord(guide['introduction'])) checkUnit(guide['introduction'], ['introduction'])
  listOf(guide['steps']).forEach((step, index) => {
    if (!isRecord(step)) return
    const {id, number} = step
    if (isInteger(number) && number !== index + 1) checker.report('ERR_GUIDE_STEP_NUMBER', ['steps', index, 'number'], `expected ${index + 1} (steps are numbered in order from 1), received ${number}`)
    checkUnit(step, ['steps', index])
    listOf(step['checklist']).forEach((item, itemIndex) => {
      if (!isRecord(item)) return
      const path = ['steps', index, 'checklist', itemIndex]
      const rounds = rangeOf(item['rounds'])
      checkUnit(item, path)
      checkRange(rounds, [...path, 'rounds'])
      if (typeof item['stepId'] === 'string' && typeof id === 'string' && item['stepId'] !== id) {
        checker.report('ERR_GUIDE_MISMATCH', [...path, 'stepId'], `expected ${quote(id, MAX_KEY_SHOWN)} (its step's id), received ${quote(item['stepId'], MAX_KEY_SHOWN)}`)
      }
      if (isInteger(item['stepNumber']) && isInteger(number) && item['stepNumber'] !== number) {
        checker.report('ERR_GUIDE_MISMATCH', [...path, 'stepNumber'], `expected ${number} (its step's number), received ${item['stepNumber']}`)
      }
      if (rounds !== undefined && guideRounds !== undefined && (rounds.from < guideRounds.from || (guideRounds.to !== null && (rounds.to === null || rounds.to > guideRounds.to)))) {
        checker.report('ERR_GUIDE_ROUNDS', [...path, 'rounds'], `expected rounds inside the guide's (${rangeText(guideRounds)}), received ${rangeText(rounds)}`)
      }
    })
  })
}

// Reads `value` once into a snapshot and checks the snapshot. Every read
// of `value` is guarded (see `attempt`); the snapshot is our own plain data.
function inspect(value: unknown): {problems: readonly GuideProblem[]; snapshot: unknown} {
  const checker = new Checker()
  const snapshot = checker.check(GUIDE_SCHEMA, value, [])
  if (!checker.full) checkConsistency(checker, snapshot)
  return {problems: Object.freeze(checker.problems), snapshot}
}

/**
 * Check any value that claims to be a guide (say, a JSON copy an app fetched
 * or cached) against the guide's schema and its consistency rules.
 *
 * The value is read once, property by property through its descriptors (no
 * getter is called), into a snapshot, and the snapshot is what is checked.
 * Only plain data passes: plain objects (prototype `Object.prototype` or
 * `null`), real arrays without holes or extra properties, no symbol keys, no
 * getters, and strings without control, bidi or zero-width characters or lone
 * surrogates. Every problem is reported at its own path, up to 100; the walk
 * stops there.
 *
 * Never throws: `null`, arrays, proxies and other garbage give problems.
 *
 * @param value Anything.
 * @returns The problems, frozen, each with a stable `code`, a `path` and a
 *   message; an empty array when `value` is a valid guide. At most 100.
 * @example
 *   const problems = validateGuide(JSON.parse(cached))
 *   if (problems.length > 0) console.warn(problems.map((p) => p.message))
 */
export function validateGuide(value: unknown): readonly GuideProblem[] {
  return inspect(value).problems
}

/** Thrown by `assertGuide` and `parseGuide` for a value that is not a valid guide; lists every problem. */
export class GuideValidationError extends GuideTypeError {
  /** The problems `validateGuide` found, frozen. */
  readonly problems: readonly GuideProblem[]

  /**
   * @param problems What `validateGuide` returned (non-empty); kept as a frozen copy.
   * @param call The call that failed, for the message; `'assertGuide(value)'` unless given.
   */
  constructor(problems: readonly GuideProblem[], call = 'assertGuide(value)') {
    const shown = problems.slice(0, MAX_PROBLEMS)
    super(
      'ERR_INVALID_GUIDE',
      `${call}: expected a valid guide, found ${shown.length >= MAX_PROBLEMS ? 'at least ' : ''}${shown.length} problem${shown.length === 1 ? '' : 's'}:\n${shown.map((p) => `  - ${p.message} (${p.code})`).join('\n')}`,
    )
    // Copied, then frozen: whoever built the list cannot change it afterwards.
    this.problems = deepFreeze(shown.map((p) => ({code: p.code, path: [...p.path], message: p.message})))
  }

  // Named through the build's minifying as the other error classes are
  // (errors.ts), but without a static block: a bundler keeps a class with
  // one even when nothing uses it, and this one serves only validation.
  static override get name(): string {
    return 'GuideValidationError'
  }

  override name: string = GuideValidationError.name
}

/**
 * Throw unless `value` is a valid guide; afterwards TypeScript treats it as one.
 *
 * What is checked is the snapshot read once from `value` (see
 * {@link validateGuide}). A plain object or array cannot change between that
 * read and yours unless your own code changes it; a proxy can answer
 * differently each time it is read, so for data you did not build, use
 * {@link parseGuide}, which returns the checked snapshot itself.
 *
 * @param value Anything.
 * @throws {GuideValidationError} `ERR_INVALID_GUIDE` (a `TypeError`) listing every problem.
 * @example
 *   const data: unknown = JSON.parse(cached)
 *   assertGuide(data)
 *   data.steps[0].title
 */
export function assertGuide(value: unknown): asserts value is Guide {
  const {problems} = inspect(value)
  if (problems.length > 0) throw new GuideValidationError(problems)
}

/**
 * Check a value that claims to be a guide and return the checked copy: a
 * deeply frozen snapshot of plain objects and arrays, read once from `value`
 * (no getter called), so nothing `value` does afterwards (a mutation, a proxy
 * that answers differently on the next read) can reach it.
 *
 * @param value Anything.
 * @returns The guide, as a new deeply frozen object; never `value` itself.
 * @throws {GuideValidationError} `ERR_INVALID_GUIDE` (a `TypeError`) listing every problem.
 * @example
 *   const guide = parseGuide(JSON.parse(cached))
 *   guide.steps[0].title
 */
export function parseGuide(value: unknown): Guide {
  const {problems, snapshot} = inspect(value)
  if (problems.length > 0) throw new GuideValidationError(problems, 'parseGuide(value)')
  return deepFreeze(snapshot as Guide)
}
