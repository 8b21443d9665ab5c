// One root cause, one diagnostic an editor can act on: each case below is the
// valid fixture with one mistake, and the lint must report exactly that
// mistake, once, at its place, with a tip for that problem.
import {mkdtemp, readFile, readdir, rename, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import type {Yaml} from 'mdast'
import {describe, expect, it} from 'vitest'
import {readFrontMatter} from '../pipeline/parse/front-matter.js'
import {buildGuide, diagnostics, rules} from '../pipeline/index.js'
import {closestMatch} from '../pipeline/lint/rules/shared.js'
import {FIXTURES, copyFixture} from './fixture-content.js'
import {docReferences, missingReferences} from './tips.js'

const STEP = 'steps/03-be-specific.md'

/** What a case does to a copy of the valid fixture. */
type Change = (directory: string) => Promise<void>

/** Replace text in one file of the copy; fails when the text is not there. */
const edit = (file: string, from: string | RegExp, to: string): Change => async (directory) => {
  const target = path.join(directory, file)
  const text = await readFile(target, 'utf8')
  const changed = text.replace(from, to)
  if (changed === text) throw new Error(`fixture text not found in ${file}: ${String(from)}`)
  await writeFile(target, changed)
}

/** Write one file of the copy as these bytes, made from its valid text. */
const encode = (file: string, bytes: (text: string) => Uint8Array): Change => async (directory) => {
  const target = path.join(directory, file)
  await writeFile(target, bytes(await readFile(target, 'utf8')))
}

const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'))
const utf16be = (text: string): Uint8Array => utf16le(text).map((_, index, bytes) => bytes[index ^ 1] ?? 0)
const utf32 = (text: string, littleEndian: boolean): Uint8Array => {
  const points = [...text].map((character) => character.codePointAt(0) ?? 0)
  const view = new DataView(new ArrayBuffer(points.length * 4))
  for (const [index, point] of points.entries()) view.setUint32(index * 4, point, littleEndian)
  return new Uint8Array(view.buffer)
}
const withBom = (bom: readonly number[], bytes: Uint8Array): Uint8Array => new Uint8Array([...bom, ...bytes])

interface Case {
  readonly name: string
  readonly change: Change
  readonly expected: {readonly file: string; readonly line: number; readonly column: number; readonly ruleId: string; readonly reason: string}
  /** The tip shown under the diagnostic (the message's `note`). */
  readonly tip: string
}

const cases: readonly Case[] = [
  {
    name: 'a summary cut short by a YAML comment',
    change: edit(STEP, /^summary: .*$/m, 'summary: Prove it with #1 stories'),
    expected: {file: STEP, line: 4, column: 24, ruleId: 'front-matter-syntax', reason: 'Expected the value of `summary` to run to the end of the line, found it cut short by a YAML comment: it reads as `Prove it with`'},
    tip: 'YAML reads ` #` as the start of a comment. To keep the `#`, put the whole value in double quotes: `summary: "Prove it with #1 stories"`; to write a note, put it on a line of its own.',
  },
  {
    name: 'a two-sentence summary',
    change: edit(STEP, /^summary: .*$/m, 'summary: Prove your skills. Tell real stories with their results.'),
    expected: {file: STEP, line: 4, column: 10, ruleId: 'front-matter-keys', reason: 'Expected `summary` to be one sentence, found 2: the second starts `Tell real stories with their results.`'},
    tip: 'Sum the step up in one sentence; the paragraphs below the title are the place for more.',
  },
  {
    name: '`step: 7` in 03-be-specific.md, reported in that file',
    change: edit(STEP, 'step: 3', 'step: 7'),
    expected: {file: STEP, line: 3, column: 7, ruleId: 'step-numbering', reason: 'Expected `step: 3`, as the file name 03-be-specific.md and the other steps say, found `step: 7`'},
    tip: 'Set `step: 3`, or, if the step really moved, renumber the others and rename the file to start with `07-`.',
  },
  {
    name: 'a file renamed so its NN- prefix disagrees with its `step:`',
    change: (directory) => rename(path.join(directory, STEP), path.join(directory, 'steps/07-be-specific.md')),
    expected: {file: 'steps/07-be-specific.md', line: 3, column: 1, ruleId: 'step-numbering', reason: 'Expected the file name to start with `03-`, as its `step: 3` says, found `07-be-specific.md`'},
    tip: 'Rename the file to `03-be-specific.md`: the front matter decides the step number, and the name must agree.',
  },
  {
    name: 'a step file name without an NN- prefix',
    change: (directory) => rename(path.join(directory, STEP), path.join(directory, 'steps/be-specific.md')),
    expected: {file: 'steps/be-specific.md', line: 3, column: 1, ruleId: 'step-numbering', reason: 'Expected the file name to start with `03-`, as its `step: 3` says, found `be-specific.md`'},
    tip: 'Rename the file to `03-be-specific.md`: the front matter decides the step number, and the name must agree.',
  },
  {
    name: '`### Checklist`',
    change: edit(STEP, '## Checklist', '### Checklist'),
    expected: {file: STEP, line: 15, column: 1, ruleId: 'heading-structure', reason: 'Expected the checklist heading as `## Checklist`, found `### Checklist`'},
    tip: 'Write the heading exactly as `## Checklist`: two `#`, a space and the word Checklist.',
  },
  {
    name: 'a misspelt `## Checklst`',
    change: edit(STEP, '## Checklist', '## Checklst'),
    expected: {file: STEP, line: 15, column: 1, ruleId: 'heading-structure', reason: 'Expected the checklist heading as `## Checklist`, found `## Checklst`'},
    tip: 'Write the heading exactly as `## Checklist`: two `#`, a space and the word Checklist.',
  },
  {
    name: 'front matter that never closes',
    change: edit(STEP, 'claiming them.\n---\n', 'claiming them.\n'),
    expected: {file: STEP, line: 1, column: 1, ruleId: 'front-matter-syntax', reason: 'Expected a line of exactly `---` to close the front matter opened on line 1, found none'},
    tip: 'Add a line of exactly `---` after the last `key: value` line, before the `# Title`.',
  },
  {
    name: 'the misspelt key `sumary`',
    change: edit(STEP, 'summary:', 'sumary:'),
    expected: {file: STEP, line: 4, column: 1, ruleId: 'front-matter-keys', reason: 'Expected only the front matter keys `id`, `step`, `summary`, found unknown key `sumary`; did you mean `summary`?'},
    tip: 'Rename the key to `summary`.',
  },
  {
    name: 'an unknown key that is no misspelling',
    change: edit(STEP, 'step: 3\n', 'step: 3\nauthor: me\n'),
    expected: {file: STEP, line: 4, column: 1, ruleId: 'front-matter-keys', reason: 'Expected only the front matter keys `id`, `step`, `summary`, found unknown key `author`'},
    tip: 'Delete the `author` line: a step has only `id`, `step`, `summary`.',
  },
  {
    name: 'spaces inside an attribute block',
    change: edit(STEP, '{#add-story-results rounds=2+}', '{ #add-story-results rounds=2+ }'),
    expected: {file: STEP, line: 19, column: 78, ruleId: 'item-attributes', reason: 'Expected the attribute block without spaces inside its braces, `{#add-story-results rounds=2+}`, found `{ #add-story-results rounds=2+ }`'},
    tip: 'Write it as `{#add-story-results rounds=2+}`: `{#` together, and `}` right after the last attribute.',
  },
  {
    // Markdown reads `__…__` as emphasis, so the parser finds no block: there is no stray space to name.
    name: 'an id the parser reads as emphasis, `{#__story__ rounds=2+}`',
    change: edit(STEP, '{#add-story-results rounds=2+}', '{#__story__ rounds=2+}'),
    expected: {file: STEP, line: 19, column: 78, ruleId: 'item-attributes', reason: 'Expected the item to end with `{#item-id rounds=…}`, found markdown (emphasis, code or a link) inside `{#__story__ rounds=2+}`'},
    tip: 'Write the id in lowercase words joined by hyphens, and nothing in the block that markdown reads as emphasis, code or a link (`_`, `*`, backticks, brackets).',
  },
  {
    // Only the last block is the item's: the other was built into the text readers see.
    name: 'a second attribute block, `{#old-id rounds=2+}` left before the new one',
    change: edit(STEP, '{#add-story-results rounds=2+}', '{#old-id rounds=2+} {#add-story-results rounds=2+}'),
    expected: {file: STEP, line: 19, column: 78, ruleId: 'item-attributes', reason: 'Expected one `{#…}` block, closing the item, found another before it: `{#old-id rounds=2+}`'},
    tip: "Delete the block that is not the item's: the last one is its id and rounds.",
  },
  {
    name: 'a misspelt attribute `round=`',
    change: edit(STEP, '{#add-story-results rounds=2+}', '{#add-story-results round=2+}'),
    expected: {file: STEP, line: 19, column: 78, ruleId: 'item-attributes', reason: 'Expected only the attributes `rounds` and `replaces`, found `round`; did you mean `rounds`?'},
    tip: 'Rename `round=` to `rounds=`.',
  },
  {
    name: 'a misspelt placeholder `{rund}`',
    change: edit(STEP, 'Add the result to each story', 'Add the {rund} result to each story'),
    expected: {file: STEP, line: 19, column: 15, ruleId: 'known-placeholders', reason: 'Expected one of `{round}`, `{previous}`, `{next}`, found `{rund}`; did you mean `{round}`?'},
    tip: 'Spell the placeholder exactly as one of `{round}`, `{previous}`, `{next}`; braces are reserved for placeholders.',
  },
  {
    name: 'a form on a placeholder in a locale whose ordinals have none',
    change: edit(STEP, 'Add the result to each story', 'Add the {round:f} result to each story'),
    expected: {file: STEP, line: 19, column: 15, ruleId: 'known-placeholders', reason: 'Expected `{round}` without a form (ordinals in `en-GB` have none), found `{round:f}`'},
    tip: 'Write `{round}`: the ordinal has one form in this language; if it has more, name them in `forms:` under `ordinals:` in guide.md (such as `forms: [m, f]`), a line of `words` one word per form where they differ (`- [primo, prima]`).',
  },
  {
    name: 'a placeholder with spaces inside its braces',
    change: edit(STEP, 'Add the result to each story', 'Add the { round } result to each story'),
    expected: {file: STEP, line: 19, column: 15, ruleId: 'known-placeholders', reason: 'Expected one of `{round}`, `{previous}`, `{next}`, found `{ round }`; did you mean `{round}`?'},
    tip: 'Spell the placeholder exactly as one of `{round}`, `{previous}`, `{next}`; braces are reserved for placeholders.',
  },
  {
    name: 'an item id in another case',
    change: edit(STEP, '{#add-story-results', '{#Add_Story_Results'),
    expected: {file: STEP, line: 19, column: 78, ruleId: 'item-attributes', reason: 'Expected a kebab-case item id after `{#`, found `Add_Story_Results`; did you mean `add-story-results`?'},
    tip: 'Write the id in lowercase words joined by hyphens, right after `{#` (`{#send-thank-you-email …}`).',
  },
  {
    name: 'a missing colon (`step 3`)',
    change: edit(STEP, 'step: 3', 'step 3'),
    expected: {file: STEP, line: 3, column: 1, ruleId: 'front-matter-syntax', reason: 'Expected `key: value`, found a line with no colon after its key: `step 3`'},
    tip: 'Put a colon and a space after the key, e.g. `step: …`.',
  },
  {
    name: 'a missing colon on the last line (YAML: "Implicit map keys need to be followed by map values")',
    change: edit(STEP, 'summary: Prove', 'summary Prove'),
    expected: {file: STEP, line: 4, column: 1, ruleId: 'front-matter-syntax', reason: 'Expected `key: value`, found a line with no colon after its key: `summary Prove your skills with real sto…`'},
    tip: 'Put a colon and a space after the key, e.g. `summary: …`.',
  },
  {
    name: 'no space after the colon',
    change: edit(STEP, 'step: 3', 'step:3'),
    expected: {file: STEP, line: 3, column: 5, ruleId: 'front-matter-syntax', reason: 'Expected a space after the colon in `step:3`, found none'},
    tip: 'Write `key: value`, with a space after the colon.',
  },
  {
    name: 'a second `: ` in a value',
    change: edit(STEP, 'summary: Prove your skills', 'summary: Prove your skills: real'),
    expected: {file: STEP, line: 4, column: 27, ruleId: 'front-matter-syntax', reason: 'Expected one `key: value` on the line, found a second `: ` in the value of `summary`'},
    tip: 'Put the whole value in double quotes, e.g. `summary: "Prove it: with stories"`.',
  },
  {
    name: 'an unclosed quote',
    change: edit(STEP, 'summary: Prove', 'summary: "Prove'),
    expected: {file: STEP, line: 4, column: 10, ruleId: 'front-matter-syntax', reason: 'Expected the value of `summary` to end with a closing `"` on the same line, found none'},
    tip: 'End the value with the same quote mark it starts with (`"`), on the same line; write a `"` inside double quotes as `\\"`.',
  },
  {
    name: 'an indented key',
    change: edit(STEP, 'step: 3', '  step: 3'),
    expected: {file: STEP, line: 3, column: 1, ruleId: 'front-matter-syntax', reason: 'Expected the key at the start of the line, found spaces before it'},
    tip: 'Remove the spaces or tabs before the key: front matter is one unindented `key: value` per line (YAML reads an indented line as part of the one above).',
  },
  {
    name: 'a key indented with a tab',
    change: edit(STEP, 'step: 3', '\tstep: 3'),
    expected: {file: STEP, line: 3, column: 1, ruleId: 'front-matter-syntax', reason: 'Expected the key at the start of the line, found a tab before it'},
    tip: 'Remove the spaces or tabs before the key: front matter is one unindented `key: value` per line (YAML reads an indented line as part of the one above).',
  },
  {
    name: 'a repeated key',
    change: edit(STEP, 'step: 3\n', 'step: 3\nstep: 3\n'),
    expected: {file: STEP, line: 4, column: 1, ruleId: 'front-matter-syntax', reason: 'Expected each front matter key once, found `step` again (first on line 3)'},
    tip: 'Keep one `step:` line and delete the other.',
  },
  {
    name: 'a value starting with a reserved character',
    change: edit(STEP, 'summary: Prove', 'summary: @Prove'),
    expected: {file: STEP, line: 4, column: 10, ruleId: 'front-matter-syntax', reason: 'Expected the value of `summary` to start with text, found `@`, a character YAML reserves'},
    tip: 'Put the whole value in double quotes, e.g. `summary: "Prove it: with stories"`.',
  },
  {
    name: 'a bad escape in double quotes',
    change: edit(STEP, /^summary: (.*)$/m, 'summary: "Prove \\q your skills."'),
    expected: {file: STEP, line: 4, column: 17, ruleId: 'front-matter-syntax', reason: 'Expected only YAML escapes such as `\\"` and `\\\\` in a double-quoted value, found `\\q`'},
    tip: 'Use single quotes to keep backslashes as written, or write `\\\\` for one backslash.',
  },
  ...([
    ['UTF-16 with a byte order mark', (text: string) => withBom([0xff, 0xfe], utf16le(text)), 'UTF-16 (little-endian) text (with a byte order mark)'],
    ['UTF-16 without a byte order mark', utf16le, 'UTF-16 (little-endian) text'],
    ['big-endian UTF-16 with a byte order mark', (text: string) => withBom([0xfe, 0xff], utf16be(text)), 'UTF-16 (big-endian) text (with a byte order mark)'],
    ['big-endian UTF-16 without a byte order mark', utf16be, 'UTF-16 (big-endian) text'],
    ['UTF-32 with a byte order mark', (text: string) => withBom([0xff, 0xfe, 0x00, 0x00], utf32(text, true)), 'UTF-32 (little-endian) text (with a byte order mark)'],
    ['UTF-32 without a byte order mark', (text: string) => utf32(text, true), 'UTF-32 (little-endian) text'],
    ['big-endian UTF-32 without a byte order mark', (text: string) => utf32(text, false), 'UTF-32 (big-endian) text'],
  ] as const).map(([name, bytes, found]): Case => ({
    name: `a file saved as ${name}`,
    change: encode(STEP, bytes),
    expected: {file: STEP, line: 1, column: 1, ruleId: 'file-format', reason: `Expected UTF-8 text, found ${found}`},
    tip: 'Save the file as UTF-8 (in most editors: Save with Encoding, or the encoding in the status bar, then UTF-8).',
  })),
  {
    // The place is where the cut character starts, not the end of the file.
    name: 'a file cut off in the middle of its last character',
    change: encode(STEP, (text) => new Uint8Array([...Buffer.from(text), 0xe2, 0x82])),
    expected: {file: STEP, line: 20, column: 1, ruleId: 'file-format', reason: 'Expected UTF-8 text, found an invalid byte sequence at byte 786'},
    tip: 'Save the file as UTF-8; if it already is, retype the character at this place (it may have been pasted from another encoding).',
  },
  {
    name: 'an empty file',
    change: (directory) => writeFile(path.join(directory, STEP), ''),
    expected: {file: STEP, line: 1, column: 1, ruleId: 'file-format', reason: 'Expected a content file with front matter, found an empty file'},
    tip: 'Write the file out (front matter, `# Title`, paragraphs, `## Checklist`; see README.md#editing-the-content), or delete it if it is not meant to be there.',
  },
  // guide.md's ordinals (pipeline/parse/ordinals.ts): each problem at its place.
  ...((): Case[] => {
    const GUIDE = 'guide.md'
    const expected = (line: number, column: number, reason: string, ruleId = 'front-matter-keys') => ({file: GUIDE, line, column, ruleId, reason})
    const TIP = 'Under `ordinals:`, `words` has one line per round from 1, a word or `[one, per, form]` in the order of `forms`; `beyond` spells the later rounds, `{n}` standing for the number (see the Ordinals section of the content guide, linked from README.md#editing-the-content).'
    const PATTERN = 'a pattern may be a map by plural category with `other` (`{one: "{n}st", other: "{n}th"}`)'
    return [
      {
        name: 'no ordinals',
        change: edit(GUIDE, /^ordinals:\n(?: .*\n)+/m, ''),
        expected: expected(1, 1, 'Expected front matter key `ordinals` (the locale\'s ordinal words: a map of `forms`, `form-required`, `words` and `beyond`), found none'),
        tip: 'Copy the `ordinals:` block of content/guide.md (or of a locale of the same language) into the front matter and write this language\'s words in it (see the Ordinals section of the content guide, linked from README.md#editing-the-content).',
      },
      {name: 'an unknown key in the ordinals', change: edit(GUIDE, '  beyond:', '  bayond:'), expected: expected(27, 3, 'Expected only `forms`, `form-required`, `words`, `beyond` in `ordinals`, found `bayond`'), tip: TIP},
      {name: 'a line of words for forms the ordinals do not have', change: edit(GUIDE, '    - second\n', '    - [second, zweite]\n'), expected: expected(8, 7, "Expected round 2's line in `words` to be a word, found a list of 2"), tip: TIP},
      {
        name: 'a line of words for two forms without its brackets',
        change: edit(GUIDE, /^ {2}words:\n( {4}- first\n {4}- second\n) {4}- third\n/m, '  forms: [m, f]\n  words:\n$1    - terzo, terza\n'),
        expected: expected(10, 7, "Expected round 3's line in `words` to be a word, or 2 in a list, one per form (`m`, `f`), found `terzo, terza` (write `[terzo, terza]` for one per form)"),
        tip: TIP,
      },
      {
        name: 'a line of words indented too far (YAML reads it as part of the line above)',
        change: edit(GUIDE, '    - third\n', '     - third\n'),
        expected: expected(8, 7, "Expected round 2's line in `words` to be one line, found `second - third`: the line after it is indented more than the others, so it was read as part of it"),
        tip: TIP,
      },
      {name: 'a pattern beyond the words without `{n}`', change: edit(GUIDE, /^ {2}beyond: .*$/m, '  beyond: "º"'), expected: expected(27, 11, 'Expected each pattern in `beyond` to hold `{n}` (the round\'s number, as in `"{n}th"`), found `º`'), tip: TIP},
      {name: 'a pattern beyond the words with no `other`', change: edit(GUIDE, /^  beyond: .*$/m, '  beyond: {one: "{n}st"}'), expected: expected(27, 11, `Expected \`beyond\` to be a word; ${PATTERN}, found a map`), tip: TIP},
      {
        name: 'no `beyond`',
        change: edit(GUIDE, /^  beyond: .*\n/m, ''),
        expected: expected(5, 1, 'Expected `beyond` in `ordinals` (how rounds past `words` are spelt, such as `"{n}."`), found none'),
        tip: 'Add `beyond:` under `ordinals:`: rounds have no end, so every round needs a word.',
      },
      {
        name: 'YAML that cannot be read inside the ordinals',
        change: edit(GUIDE, '    - third\n', '    - third: x: y\n'),
        expected: expected(9, 14, 'Expected YAML under `ordinals:`, found what cannot be read (Nested mappings are not allowed in compact mappings)', 'front-matter-syntax'),
        tip: 'Indent the lines under `ordinals:` as content/guide.md does (two spaces before a key, four before a `- ` line); put a word in double quotes when it holds `: `, ` #` or starts with a symbol.',
      },
      {name: 'forms named twice', change: edit(GUIDE, '  words:\n', '  forms: [f, f]\n  words:\n'), expected: expected(6, 10, 'Expected `forms` to be a list of distinct names of letters and digits, such as `[f, m]`, found `[f, f]`'), tip: TIP},
      {
        name: 'a form required of ordinals that have none',
        change: edit(GUIDE, '  words:\n', '  form-required: true\n  words:\n'),
        expected: expected(6, 18, 'Expected `forms` to name the forms that `form-required: true` requires, found none'),
        tip: 'List the forms (`forms: [f, m]`), or delete `form-required`.',
      },
      {name: 'form-required not a boolean', change: edit(GUIDE, '  words:\n', '  form-required: yes\n  words:\n'), expected: expected(6, 18, 'Expected `form-required` to be `true` or `false`, found `yes`'), tip: TIP},
      {name: 'words not a list', change: edit(GUIDE, /^ {2}words:\n(?: {4}.*\n)+/m, '  words: first\n'), expected: expected(6, 10, 'Expected `words` to be a list, one line per round from 1, found `first`'), tip: TIP},
    ]
  })(),
]

/** Lint a copy of the valid fixture with one change; every message, with its tip. */
async function lintWith(change: Change) {
  const directory = await mkdtemp(path.join(tmpdir(), 'ace-diagnostics-'))
  try {
    await copyFixture(path.join(FIXTURES, 'valid'), directory)
    await change(directory)
    const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})
    const found = diagnostics(result.files)
    // The tip is asserted on its own; it must be the one the message carries.
    const tips = result.files.flatMap((file) => file.messages.map((message) => message.note))
    expect(found.map((diagnostic) => diagnostic.tip)).toEqual(tips)
    return {guide: result.guide, found: found.map(({tip: _tip, ...rest}) => rest), tips}
  } finally {
    await rm(directory, {recursive: true, force: true})
  }
}

describe('one mistake, one diagnostic', () => {
  it.each(cases)('$name', async ({change, expected, tip}) => {
    const {guide, found, tips} = await lintWith(change)
    expect(guide).toBeUndefined()
    expect(found).toEqual([{...expected, fatal: true, severity: 'error'}])
    expect(tips).toEqual([tip])
  })
})

it('reports every problem of the ordinals in one run, each at its place', async () => {
  const change = edit('guide.md', /^ {2}words:\n((?: {4}.*\n)+) {2}beyond: .*$/m, '  forms: [m, f]\n  form-required: yes\n  wordz:\n$1  beyond: ["{n}º", "ª"]')
  const {found} = await lintWith(change)
  expect(found.map(({line, column, reason}) => ({line, column, reason}))).toEqual([
    {line: 7, column: 18, reason: 'Expected `form-required` to be `true` or `false`, found `yes`'},
    {line: 8, column: 3, reason: 'Expected only `forms`, `form-required`, `words`, `beyond` in `ordinals`, found `wordz`'},
    {line: 29, column: 20, reason: 'Expected each pattern in `beyond` to hold `{n}` (the round\'s number, as in `"{n}th"`), found `ª`'},
  ])
})

describe('no false alarm', () => {
  it.each([
    ['an abbreviation inside a one-sentence summary', edit(STEP, /^summary: .*$/m, 'summary: Prove your skills, e.g. with real stories.')],
    ['a quoted summary holding ` #`', edit(STEP, /^summary: .*$/m, 'summary: "Prove it with #1 stories."')],
    ['a comment on a line of its own', edit(STEP, 'step: 3\n', 'step: 3\n# The summary is shown in lists.\n')],
    [
      'file names padded wider than two digits, as a long guide keeps them in order',
      async (directory: string) => {
        const steps = path.join(directory, 'steps')
        for (const name of await readdir(steps)) await rename(path.join(steps, name), path.join(steps, `0${name}`))
      },
    ],
  ] as const)('%s lints clean', async (_name, change) => {
    const {guide, found} = await lintWith(change)
    expect(found).toEqual([])
    expect(guide).toBeDefined()
  })
})

describe('YAML problems', () => {
  // Lines an editor might write, broken ones included (no aliases: each alias
  // is a problem of its own).
  const line = fc.oneof(
    fc.constantFrom('id: be-specific', 'step: 3', 'step 3', 'step:3', '  step: 3', '\tstep: 3', 'summary: "open', "summary: 'open", 'summary: a: b', 'summary: @x', 'summary: [a', 'summary: {a', 'summary: x # note', '# note', '', 'step: !tag 3', 'summary: "\\q"', '...', '- item', 'key:', ': value', '? key'),
    fc.tuple(fc.string({maxLength: 10}), fc.string({maxLength: 20})).map(([key, value]) => `${key}: ${value}`.replaceAll('*', '')),
  )
  const yamlNode = (value: string): Yaml => ({type: 'yaml', value, position: {start: {line: 1, column: 1, offset: 0}, end: {line: value.split('\n').length + 2, column: 4}}})

  it('reports only the first of two problems on different lines (a value cut by a comment, then a line with no key)', () => {
    const {problems} = readFrontMatter(yamlNode('summary: x # note\n: '))
    expect(problems.map((problem) => problem.position.start.line)).toEqual([2])
  })

  it('are reported once, inside the front matter, with a tip, and never throw', () => {
    fc.assert(
      fc.property(fc.array(line, {minLength: 1, maxLength: 6}), (lines) => {
        const value = lines.join('\n')
        const {problems} = readFrontMatter(yamlNode(value))
        expect(problems.length).toBeLessThanOrEqual(1)
        for (const problem of problems) {
          expect(problem.position.start.line).toBeGreaterThanOrEqual(2)
          expect(problem.position.start.line).toBeLessThanOrEqual(lines.length + 2)
          expect(problem.tip.trim()).not.toBe('')
          expect(problem.reason).toMatch(/^Expected /)
        }
      }),
    )
  })
})

describe('closestMatch', () => {
  it.each([
    ['sumary', ['id', 'step', 'summary'], 'summary'],
    ['Summary', ['id', 'step', 'summary'], 'summary'],
    ['nxet', ['round', 'previous', 'next'], 'next'],
    ['rund', ['round', 'previous', 'next'], 'round'],
    ['author', ['id', 'step', 'summary'], undefined],
    ['x', ['id'], undefined],
    ['summary', ['summary'], undefined],
  ] as const)('%s among %j is %s', (written, candidates, expected) => {
    expect(closestMatch(written, candidates)).toBe(expected)
  })
})

describe('tips', () => {
  const written = [...rules.map((rule) => rule.tip), ...cases.map((entry) => entry.tip)]

  it.each(written)('%s: points only to documentation the installed package has', async (tip) => {
    expect(await missingReferences(tip)).toEqual([])
  })

  it('find a reference to a file the package does not ship (so the check above can fail)', async () => {
    expect(docReferences('See content/README.md and README.md#no-such-heading.')).toEqual(['content/README.md', 'README.md#no-such-heading'])
    expect(await missingReferences('See content/README.md and README.md#no-such-heading.')).toEqual(['content/README.md', 'README.md#no-such-heading'])
    expect(await missingReferences('Rename it to `03-be-specific.md`; see README.md#editing-the-content.')).toEqual([])
  })
})
