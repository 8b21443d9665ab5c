/**
 * The guide's shape, written once as a JSON Schema (draft 2020-12 subset).
 * `dist/schema.json` is this object; `validateGuide` interprets it, so the two
 * cannot drift apart. Only the keywords `validate.ts` implements are used.
 */

/** A JSON Schema node, as far as this package uses the vocabulary. */
export interface SchemaNode {
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'null'
  readonly description?: string
  readonly properties?: Readonly<Record<string, SchemaNode>>
  readonly required?: readonly string[]
  readonly additionalProperties?: false
  readonly items?: SchemaNode
  readonly minItems?: number
  readonly minLength?: number
  readonly minimum?: number
  readonly pattern?: string
  readonly const?: number
  readonly enum?: readonly string[]
  readonly anyOf?: readonly SchemaNode[]
  readonly $ref?: string
}

// Nothing here may run code at load time that a bundler cannot drop (no
// spreads, no property reads, calls marked pure): apps that use only getStep
// must not carry the schema.

const ID = '^[a-z0-9]+(?:-[a-z0-9]+)*$'
const SEMVER = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$'
// semver.org's own pattern: a release, then an optional prerelease (dot-separated
// parts, each `(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`) and build metadata.
// Written out whole: a template literal with substitutions is code a bundler
// keeps, and this module must cost nothing to an app that does not use it.
const SEMVER_FULL = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$'
const HASH = '^[0-9a-f]{12}$'
// A BCP 47 language tag, as far as its shape goes: a 2–3 letter language, then subtags.
const LOCALE = '^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$'

// Characters that hide, reorder or forge text on a terminal or a page:
// C0 and C1 controls, DEL, bidi marks, overrides and isolates, zero-width
// characters, line and paragraph separators, and lone surrogates. Written as
// `\\uXXXX` escapes so schema.json carries them as text; read with the `u`
// flag (as Ajv does), where `\\ud800-\\udfff` matches only lone surrogates.
// (Written out in both patterns, for the reason given for SEMVER_FULL.)
const LINE = '^[^\\u0009\\u000a\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff\\ud800-\\udfff]*$'
const PARAGRAPH = '^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff\\ud800-\\udfff]*$'

/** The `schemaVersion` this package reads and writes. */
export const SCHEMA_VERSION = 3

/** Patterns of the guide's strings, shared with the build-time pipeline. */
export const PATTERNS: Readonly<Record<'id' | 'semver' | 'line' | 'paragraph' | 'hash' | 'locale', string>> = {
  /** A step or item id: lowercase words joined by hyphens. */
  id: ID,
  /** A plain `x.y.z` version (what `content:version` records). */
  semver: SEMVER,
  /** One line of text: no tab, no line break, no unsafe character (controls, bidi, zero-width, lone surrogates). */
  line: LINE,
  /** A paragraph: tabs and line feeds allowed, no other unsafe character. */
  paragraph: PARAGRAPH,
  /** A content hash: 12 hex digits. */
  hash: HASH,
  /** A BCP 47 language tag (`en-GB`, `es`). */
  locale: LOCALE,
} as const

const text: SchemaNode = {type: 'string', minLength: 1, pattern: LINE}
const locale: SchemaNode = {type: 'string', pattern: LOCALE, description: 'The BCP 47 tag of the locale the text is in.'}
const translation: SchemaNode = {
  type: 'string',
  enum: ['source', 'current', 'outdated', 'fallback'],
  description: 'The source\'s own text, a current or outdated translation, or the source\'s text standing in for a missing translation.',
}
const paragraphs: SchemaNode = {type: 'array', items: {type: 'string', minLength: 1, pattern: PARAGRAPH}, minItems: 1}

function object(properties: Record<string, SchemaNode>, description: string): SchemaNode {
  return {type: 'object', description, properties, required: Object.keys(properties), additionalProperties: false}
}

const roundRange = /* @__PURE__ */ object(
  {
    from: {type: 'integer', minimum: 1, description: 'First round, inclusive.'},
    to: {anyOf: [{type: 'integer', minimum: 1}, {type: 'null'}], description: 'Last round, inclusive; null for no upper bound.'},
  },
  'Interview rounds; `to: null` means "and every later round".',
)

const checklistItem = /* @__PURE__ */ object(
  {
    id: {type: 'string', pattern: ID, description: 'Stable id.'},
    stepId: {type: 'string', pattern: ID},
    stepNumber: {type: 'integer', minimum: 1},
    text: {type: 'string', minLength: 1, pattern: LINE, description: 'Plain text rendered for a round.'},
    template: {type: 'string', minLength: 1, pattern: LINE, description: 'Plain text with {round}, {previous} and {next} unrendered.'},
    rounds: {$ref: '#/$defs/roundRange'},
    hash: {type: 'string', pattern: HASH},
    since: {type: 'string', pattern: SEMVER_FULL},
    locale,
    translation,
  },
  'One checklist action.',
)

const step = /* @__PURE__ */ object(
  {
    id: {type: 'string', pattern: ID, description: 'Stable id.'},
    number: {type: 'integer', minimum: 1},
    title: text,
    summary: text,
    body: paragraphs,
    checklist: {type: 'array', items: {$ref: '#/$defs/checklistItem'}, minItems: 1},
    hash: {type: 'string', pattern: HASH},
    since: {type: 'string', pattern: SEMVER_FULL},
    locale,
    translation,
  },
  'One step of the guide.',
)

/** Definitions referred to by `$ref: '#/$defs/<name>'`. */
export const SCHEMA_DEFS: Readonly<Record<string, SchemaNode>> = {roundRange, checklistItem, step}

/** The schema of a whole `Guide`, root node. */
export const GUIDE_SCHEMA: SchemaNode = /* @__PURE__ */ object(
  {
    title: text,
    locale: {type: 'string', pattern: LOCALE, description: 'The locale the guide is compiled for.'},
    version: {type: 'string', pattern: SEMVER_FULL},
    schemaVersion: {type: 'integer', const: SCHEMA_VERSION, description: 'Version of the data\'s shape; this package reads only its own.'},
    rounds: {$ref: '#/$defs/roundRange'},
    introduction: /* @__PURE__ */ object({body: paragraphs, locale, translation}, 'The introduction.'),
    labels: /* @__PURE__ */ object({stepHeading: text, roundHeading: text}, 'The words around the content.'),
    steps: {type: 'array', items: {$ref: '#/$defs/step'}, minItems: 1},
  },
  'How to Ace the Second Job Interview in 6 Steps, as published by ace-second-interview.',
)

/** `$id` of the schema document; a URN, so nothing suggests fetching it. */
const SCHEMA_ID = 'urn:ace-second-interview:guide-schema:3'

/**
 * The guide's JSON Schema document, as shipped in `ace-second-interview/schema.json`.
 *
 * @returns A JSON Schema (draft 2020-12) object.
 * @example
 *   JSON.stringify(toJsonSchema(), null, 2)
 */
export function toJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    ...GUIDE_SCHEMA,
    $defs: SCHEMA_DEFS,
  }
}
