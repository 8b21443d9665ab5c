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

function at(path: Path): string {
  if (path.length === 0) return 'the guide'
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) && key.length <= MAX_KEY_SHOWN ? `.${key}` : `[${quote(key, MAX_KEY_SHOWN)}]`))
    .join('')
    .replace(/^\./, '')
}

// What a value is, read once: the JSON type, or `unreadable` when merely
// looking at it threw (a revoked proxy, a throwing trap).
type Kind = 'null' | 'array' | 'object' | 'integer' | 'number' | 'string' | 'boolean' | 'other' | 'unreadable'

function kindOf(value: unknown): Kind {
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number'
    case 'string':
      return 'string'
    case 'boolean':
      return 'boolean'
    case 'object':
      if (value === null) return 'null'
      try {
        return Array.isArray(value) ? 'array' : 'object'
      } catch {
        return 'unreadable'
      }
    default:
      return 'other'
  }
}

// A realm's `Object.prototype` (the one prototype whose own prototype is null).
function isRootPrototype(proto: object | null): boolean {
  return proto !== null && Object.getPrototypeOf(proto) === null
}

const regexps = new Map<string, RegExp>()
function compiled(pattern: string): RegExp {
  let regexp = regexps.get(pattern)
  if (regexp === undefined) {
    // The `u` flag, as JSON Schema validators use: `\ud800-\udfff` then
    // matches lone surrogates only, never a pair.
    regexp = new RegExp(pattern, 'u')
    regexps.set(pattern, regexp)
  }
  return regexp
}

// The text patterns forbid characters; their failures get their own code and
// name the character rather than the pattern.
// (A function, not a Set: a Set built at load is code a bundler keeps.)
const isTextPattern = (pattern: string): boolean => pattern === PATTERNS.line || pattern === PATTERNS.paragraph

function firstBadCharacter(value: string, pattern: string): string {
  const allowed = compiled(pattern.replace('^[^', '[').replace(']*$', ']'))
  for (const char of value) {
    if (allowed.test(char)) {
      const code = char.codePointAt(0) ?? 0
      return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    }
  }
  return 'a character'
}

function resolve(node: SchemaNode): SchemaNode {
  const name = node.$ref?.replace('#/$defs/', '')
  return name === undefined ? node : (SCHEMA_DEFS[name] ?? node)
}

// Not a real value: where a read failed, so checks that need it skip it.
const UNREAD: unique symbol = Symbol('unread')
// Not a real value either: no such own property (a hole, or a lying proxy).
const MISSING: unique symbol = Symbol('missing')

class Checker {
  readonly problems: GuideProblem[] = []

  get full(): boolean {
    return this.problems.length >= MAX_PROBLEMS
  }

  report(code: GuideProblemCode, path: Path, message: string): void {
    if (!this.full) {
      this.problems.push(Object.freeze({code, path: Object.freeze([...path]), message: `${at(path)}: ${message}`}))
    }
  }

  /**
   * Check `value` against `node` and return a snapshot of it: a fresh plain
   * object or array holding what was read, each property read exactly once,
   * through its descriptor (no getter is ever called).
   */
  check(node: SchemaNode, value: unknown, path: Path): unknown {
    const schema = resolve(node)
    const kind = kindOf(value)
    if (kind === 'unreadable') {
      this.report('ERR_GUIDE_UNREADABLE', path, 'expected plain data, received a value that threw when read')
      return UNREAD
    }
    if (schema.anyOf !== undefined) {
      // Options differ by type only, so the one of the value's type decides,
      // and the value is still read once.
      const option = schema.anyOf.find((candidate) => typeMatches(candidate.type, kind))
      if (option === undefined) {
        this.report('ERR_GUIDE_TYPE', path, `expected ${schema.anyOf.map((o) => o.type).join(' or ')}, received ${describeReceived(value)}`)
        return value
      }
      return this.check(option, value, path)
    }
    if (schema.type !== undefined && !typeMatches(schema.type, kind)) {
      this.report('ERR_GUIDE_TYPE', path, `expected ${schema.type}, received ${describeReceived(value)}`)
      return kind === 'object' || kind === 'array' ? UNREAD : value
    }
    if (typeof value === 'string') this.checkString(schema, value, path)
    else if (typeof value === 'number') this.checkNumber(schema, value, path)
    else if (kind === 'array') return this.checkArray(schema, value as readonly unknown[], path)
    else if (kind === 'object') return this.checkObject(schema, value as object, path)
    return value
  }

  private checkString(schema: SchemaNode, value: string, path: Path): void {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      this.report('ERR_GUIDE_TOO_SMALL', path, 'expected a non-empty string, received ""')
    }
    if (schema.enum !== undefined && !schema.enum.includes(value)) {
      this.report('ERR_GUIDE_PATTERN', path, `expected one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}, received ${describeReceived(value)}`)
    } else if (schema.pattern !== undefined && !compiled(schema.pattern).test(value)) {
      if (isTextPattern(schema.pattern)) {
        const multiLine = schema.pattern === PATTERNS.paragraph
        this.report('ERR_GUIDE_CHARACTER', path, `expected text without control, bidi or zero-width characters or lone surrogates${multiLine ? ' (tabs and line feeds are fine)' : ' or line breaks'}, found ${firstBadCharacter(value, schema.pattern)} in ${describeReceived(value)}`)
      } else {
        this.report('ERR_GUIDE_PATTERN', path, `expected a string matching ${schema.pattern}, received ${describeReceived(value)}`)
      }
    }
  }

  private checkNumber(schema: SchemaNode, value: number, path: Path): void {
    if (schema.type === 'integer' && !Number.isSafeInteger(value)) {
      this.report('ERR_GUIDE_TYPE', path, `expected a safe integer, received ${describeReceived(value)}`)
    } else if (schema.const !== undefined && value !== schema.const) {
      this.report('ERR_GUIDE_SCHEMA_VERSION', path, `expected ${schema.const} (the only schema version this package reads), received ${value}`)
    } else if (schema.minimum !== undefined && value < schema.minimum) {
      this.report('ERR_GUIDE_TOO_SMALL', path, `expected an integer ≥ ${schema.minimum}, received ${value}`)
    }
  }

  // Reads one own property through its descriptor: never runs a getter.
  private readOwn(object: object, key: string, path: Path): unknown {
    // (Returns UNREAD after reporting why, MISSING when there is no such property.)
    let descriptor: PropertyDescriptor | undefined
    try {
      descriptor = Reflect.getOwnPropertyDescriptor(object, key)
    } catch {
      this.report('ERR_GUIDE_UNREADABLE', path, 'expected plain data, received a value that threw when read')
      return UNREAD
    }
    if (descriptor === undefined) return MISSING
    if (!('value' in descriptor)) {
      this.report('ERR_GUIDE_NOT_PLAIN', path, `expected a data property, found a ${descriptor.get === undefined ? 'setter' : 'getter'} (not called)`)
      return UNREAD
    }
    return descriptor.value as unknown
  }

  private ownKeys(value: object, path: Path): (string | symbol)[] | undefined {
    try {
      return Reflect.ownKeys(value)
    } catch {
      this.report('ERR_GUIDE_UNREADABLE', path, 'expected plain data, received a value whose keys threw when listed')
      return undefined
    }
  }

  private prototypeOf(value: object, path: Path): object | null | typeof UNREAD {
    try {
      return Object.getPrototypeOf(value) as object | null
    } catch {
      this.report('ERR_GUIDE_UNREADABLE', path, 'expected plain data, received a value whose prototype threw when read')
      return UNREAD
    }
  }

  private checkArray(schema: SchemaNode, value: readonly unknown[], path: Path): unknown {
    const proto = this.prototypeOf(value, path)
    if (proto === UNREAD) return UNREAD
    let isPlain: boolean
    try {
      isPlain = proto !== null && Array.isArray(proto) && isRootPrototype(Object.getPrototypeOf(proto) as object | null)
    } catch {
      isPlain = false
    }
    if (!isPlain) {
      this.report('ERR_GUIDE_NOT_PLAIN', path, `expected a plain array, received ${proto === null ? 'an array with a null prototype' : 'an array with another prototype'}`)
      return UNREAD
    }
    const length = this.readOwn(value, 'length', path)
    if (typeof length !== 'number') {
      if (length !== UNREAD) this.report('ERR_GUIDE_NOT_PLAIN', path, 'expected a plain array, received one without a length')
      return UNREAD
    }
    if (schema.minItems !== undefined && length < schema.minItems) {
      this.report('ERR_GUIDE_TOO_SMALL', path, `expected at least ${schema.minItems} item(s), received ${length}`)
    }
    const snapshot: unknown[] = []
    for (let index = 0; index < length && !this.full; index++) {
      const itemPath = [...path, index]
      const item = this.readOwn(value, String(index), itemPath)
      if (item === UNREAD || item === MISSING) {
        if (item === MISSING) this.report('ERR_GUIDE_NOT_PLAIN', itemPath, 'expected an item, found a hole')
        snapshot.push(UNREAD)
      } else {
        snapshot.push(schema.items === undefined ? item : this.check(schema.items, item, itemPath))
      }
    }
    // Extra keys: only `length` and the indices belong to a plain array.
    // Counted first, so a long array pays for the list only once.
    if (!this.full) {
      const keys = this.ownKeys(value, path)
      if (keys !== undefined && keys.length !== length + 1) {
        for (const key of keys) {
          if (this.full) break
          if (typeof key === 'symbol') {
            this.report('ERR_GUIDE_NOT_PLAIN', path, `expected plain data, found a symbol key ${describeReceived(key).replace('type symbol ', '')}`)
          } else if (key !== 'length' && !(/^(?:0|[1-9]\d*)$/.test(key) && Number(key) < length)) {
            this.report('ERR_GUIDE_NOT_PLAIN', [...path, key], `expected only items in an array, found the property ${quote(key, MAX_KEY_SHOWN)}`)
          }
        }
      }
    }
    return snapshot
  }

  private checkObject(schema: SchemaNode, value: object, path: Path): unknown {
    const proto = this.prototypeOf(value, path)
    if (proto === UNREAD) return UNREAD
    let isPlain: boolean
    try {
      isPlain = proto === null || isRootPrototype(proto)
    } catch {
      isPlain = false
    }
    if (!isPlain) {
      this.report('ERR_GUIDE_NOT_PLAIN', path, `expected a plain object, received ${describeReceived(value)}`)
      return UNREAD
    }
    const keys = this.ownKeys(value, path)
    if (keys === undefined) return UNREAD
    const properties = schema.properties ?? {}
    const snapshot: Record<string, unknown> = {}
    const seen = new Set<string>()
    for (const key of keys) {
      if (this.full) break
      if (typeof key === 'symbol') {
        this.report('ERR_GUIDE_NOT_PLAIN', path, `expected plain data, found a symbol key ${describeReceived(key).replace('type symbol ', '')}`)
        continue
      }
      const child = Object.hasOwn(properties, key) ? properties[key] : undefined
      if (child === undefined) {
        if (schema.additionalProperties === false) {
          this.report('ERR_GUIDE_UNKNOWN_PROPERTY', [...path, key], `expected only ${Object.keys(properties).join(', ')}, found unknown property ${quote(key, MAX_KEY_SHOWN)}`)
        }
        continue
      }
      const read = this.readOwn(value, key, [...path, key])
      if (read === MISSING) continue
      // Reported when unreadable; not reported again as missing.
      seen.add(key)
      snapshot[key] = read === UNREAD ? UNREAD : this.check(child, read, [...path, key])
    }
    for (const key of schema.required ?? []) {
      if (!seen.has(key)) this.report('ERR_GUIDE_MISSING_PROPERTY', [...path, key], `expected property "${key}", found none`)
    }
    return snapshot
  }
}

function typeMatches(type: SchemaNode['type'], kind: Kind): boolean {
  return type === undefined || type === kind || (type === 'integer' && kind === 'integer')
}

// The snapshot as consistency checks see it: anything may be missing or of
// the wrong type (the schema reported that), so each check reads defensively.
type Loose = Readonly<Record<string, unknown>>
const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value)
const isInteger = (value: unknown): value is number => Number.isSafeInteger(value)
const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : [])

// Rules JSON Schema cannot say: order, uniqueness, and parent/child agreement.
// They run on whatever part of the snapshot has the shape they need, even
// when the schema found problems elsewhere.
function checkConsistency(checker: Checker, snapshot: unknown): void {
  if (!isRecord(snapshot)) return
  const seen = new Set<string>()
  const claim = (id: unknown, path: Path): void => {
    if (typeof id !== 'string') return
    if (seen.has(id)) checker.report('ERR_GUIDE_DUPLICATE_ID', path, `expected a unique id, found ${quote(id, MAX_KEY_SHOWN)} again`)
    seen.add(id)
  }
  const range = (rounds: unknown): {from: number; to: number | null} | undefined =>
    isRecord(rounds) && isInteger(rounds['from']) && (rounds['to'] === null || isInteger(rounds['to']))
      ? {from: rounds['from'], to: rounds['to'] as number | null}
      : undefined
  const checkRounds = (rounds: {from: number; to: number | null} | undefined, path: Path): void => {
    if (rounds !== undefined && rounds.to !== null && rounds.to < rounds.from) checker.report('ERR_GUIDE_ROUNDS', path, `expected "to" ≥ "from" (${rounds.from}), received ${rounds.to}`)
  }
  // A text is in the guide's locale unless it is a fallback to the source's.
  const guideLocale = snapshot['locale']
  const checkLocale = (unit: unknown, path: Path): void => {
    if (!isRecord(unit) || typeof guideLocale !== 'string' || typeof unit['locale'] !== 'string') return
    const fallback = unit['translation'] === 'fallback'
    if (fallback && unit['locale'] === guideLocale) {
      checker.report('ERR_GUIDE_MISMATCH', [...path, 'locale'], `expected the source's locale for a fallback (a text standing in for a missing translation), received the guide's own ${quote(guideLocale, MAX_KEY_SHOWN)}`)
    } else if (!fallback && typeof unit['translation'] === 'string' && unit['locale'] !== guideLocale) {
      checker.report('ERR_GUIDE_MISMATCH', [...path, 'locale'], `expected ${quote(guideLocale, MAX_KEY_SHOWN)} (the guide's locale) for a text that is not a fallback, received ${quote(unit['locale'], MAX_KEY_SHOWN)}`)
    }
  }
  checkLocale(snapshot['introduction'], ['introduction'])
  const guideRounds = range(snapshot['rounds'])
  checkRounds(guideRounds, ['rounds'])
  listOf(snapshot['steps']).forEach((step, index) => {
    if (checker.full || !isRecord(step)) return
    const number = step['number']
    if (isInteger(number) && number !== index + 1) checker.report('ERR_GUIDE_STEP_NUMBER', ['steps', index, 'number'], `expected ${index + 1} (steps are numbered in order from 1), received ${number}`)
    claim(step['id'], ['steps', index, 'id'])
    checkLocale(step, ['steps', index])
    listOf(step['checklist']).forEach((item, itemIndex) => {
      if (checker.full || !isRecord(item)) return
      const path = ['steps', index, 'checklist', itemIndex]
      claim(item['id'], [...path, 'id'])
      checkLocale(item, path)
      if (typeof item['stepId'] === 'string' && typeof step['id'] === 'string' && item['stepId'] !== step['id']) {
        checker.report('ERR_GUIDE_MISMATCH', [...path, 'stepId'], `expected ${quote(step['id'], MAX_KEY_SHOWN)} (its step's id), received ${quote(item['stepId'], MAX_KEY_SHOWN)}`)
      }
      if (isInteger(item['stepNumber']) && isInteger(number) && item['stepNumber'] !== number) {
        checker.report('ERR_GUIDE_MISMATCH', [...path, 'stepNumber'], `expected ${number} (its step's number), received ${item['stepNumber']}`)
      }
      const rounds = range(item['rounds'])
      checkRounds(rounds, [...path, 'rounds'])
      if (rounds !== undefined && guideRounds !== undefined) {
        const {from, to} = guideRounds
        if (rounds.from < from || (to !== null && (rounds.to === null || rounds.to > to))) {
          checker.report('ERR_GUIDE_ROUNDS', [...path, 'rounds'], `expected rounds inside the guide's (from ${from}${to === null ? '' : ` to ${to}`}), received from ${rounds.from}${rounds.to === null ? '' : ` to ${rounds.to}`}`)
        }
      }
    })
  })
}

// Reads `value` once into a snapshot and checks the snapshot.
function inspect(value: unknown): {problems: readonly GuideProblem[]; snapshot: unknown} {
  const checker = new Checker()
  let snapshot: unknown = UNREAD
  try {
    snapshot = checker.check(GUIDE_SCHEMA, value, [])
    if (!checker.full) checkConsistency(checker, snapshot)
  } catch {
    // Every read above is guarded; this is the last line of defence (say, a
    // stack overflow), and nothing about the thrown value is read.
    checker.report('ERR_GUIDE_UNREADABLE', [], 'expected plain data, received a value that threw when read')
  }
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
  override name = 'GuideValidationError'
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
