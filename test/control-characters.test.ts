// Issue 11 case 4 (the lint half): control, bidirectional and invisible
// characters, and lone surrogates, in any text of a content file (typed, as
// a markdown character reference, or as a YAML escape in front matter) stop
// the build, each at its exact line and column.
import {rm} from 'node:fs/promises'
import {describe, expect, it} from 'vitest'
import {buildGuide, diagnostics} from '../pipeline/index.js'
import {STEP_FILE, materializeWith, validFile} from './fixture-content.js'

const step = await validFile(STEP_FILE)
const SUMMARY = /^summary: .*$/m.exec(step)?.[0] ?? ''
// Replace the first occurrence of `find` in the valid step.
const edit = (find: string, replace: string): string => {
  if (!step.includes(find)) throw new Error(`the valid step has no ${JSON.stringify(find)}`)
  return step.replace(find, replace)
}

const refused: ReadonlyArray<{name: string; content: string; found: ReadonlyArray<readonly [line: number, column: number, reason: string]>}> = [
  {name: 'ESC in the title', content: edit('# Show your colours', '# Show your \u001b[31mcolours'), found: [[7, 13, 'U+001B (ESC), a control character']]},
  {name: 'BEL in the body', content: edit('So let them see', 'So let them\u0007 see'), found: [[13, 12, 'U+0007 (BEL), a control character']]},
  {name: 'NUL in the body', content: edit('So let them see', 'So\u0000 let them see'), found: [[13, 3, 'U+0000 (NUL), a control character']]},
  {name: 'DEL in an item', content: edit('Decide to let', 'Decide\u007f to let'), found: [[18, 13, 'U+007F (DEL), a control character']]},
  {name: 'a C1 control (CSI) in the body', content: edit('So let them see', 'So \u009b2J let them see'), found: [[13, 4, 'U+009B, a control character']]},
  {name: 'U+202E in the summary', content: edit('summary: Let the', 'summary: Let \u202ethe'), found: [[4, 14, 'U+202E (RIGHT-TO-LEFT OVERRIDE), a bidirectional control']]},
  {name: 'U+2066 in the body', content: edit('So let them see', 'So \u2066let\u2069 them see'), found: [[13, 4, 'U+2066 (LEFT-TO-RIGHT ISOLATE), a bidirectional control'], [13, 8, 'U+2069 (POP DIRECTIONAL ISOLATE), a bidirectional control']]},
  {name: 'U+200B in an item', content: edit('- [ ] Remind yourself', '- [ ] Remind\u200b yourself'), found: [[17, 13, 'U+200B (ZERO WIDTH SPACE), an invisible character']]},
  {name: 'U+FEFF inside the text', content: edit('So let them see', 'So let\ufeff them see'), found: [[13, 7, 'U+FEFF (ZERO WIDTH NO-BREAK SPACE), an invisible character']]},
  {name: 'U+2060 in the id', content: edit('id: show-your-colours', 'id: show-your\u2060-colours'), found: [[2, 14, 'U+2060 (WORD JOINER), an invisible character']]},
  {name: 'a zero width joiner that joins no emoji', content: edit('So let them see', 'So let\u200dthem see'), found: [[13, 7, 'U+200D (ZERO WIDTH JOINER), an invisible character']]},
  {name: 'a tab-free vertical tab', content: edit('So let them see', 'So let\u000bthem see'), found: [[13, 7, 'U+000B (VT), a control character']]},
  {
    name: 'a front matter key of terminal escapes (clipboard write, screen clear)',
    content: edit('step: 4\n', 'step: 4\n"\\e]52;c;aGk=\\a\\e[2J": x\n'),
    found: [
      [4, 2, 'U+001B (ESC), a control character written as `\\e`'],
      [4, 14, 'U+0007 (BEL), a control character written as `\\a`'],
      [4, 16, 'U+001B (ESC), a control character written as `\\e`'],
    ],
  },
  {name: 'a lone surrogate escaped in the summary', content: edit(SUMMARY, `summary: "Let \\uD800 ${SUMMARY.slice(13)}"`), found: [[4, 15, 'U+D800, a lone surrogate written as `\\uD800`']]},
  {name: 'ESC escaped as \\x1b in the summary', content: edit(SUMMARY, `summary: "Let \\x1b[2J ${SUMMARY.slice(13)}"`), found: [[4, 15, 'U+001B (ESC), a control character written as `\\x1b`']]},
  {name: 'U+202E written as a hexadecimal reference', content: edit('So let them see', 'So &#x202E;let them see'), found: [[13, 4, 'U+202E (RIGHT-TO-LEFT OVERRIDE), a bidirectional control written as `&#x202E;`']]},
  {name: 'U+2067 written as a decimal reference', content: edit('So let them see', 'So &#8295;let them see'), found: [[13, 4, 'U+2067 (RIGHT-TO-LEFT ISOLATE), a bidirectional control written as `&#8295;`']]},
  {name: 'CR written as a reference (micromark keeps it)', content: edit('So let them see', 'So &#13;let them see'), found: [[13, 4, 'U+000D (CR), a control character written as `&#13;`']]},
  {name: 'a zero width joiner written as `&zwj;` in an item', content: edit('- [ ] Remind yourself', '- [ ] Remind&zwj; yourself'), found: [[17, 13, 'U+200D (ZERO WIDTH JOINER), an invisible character written as `&zwj;`']]},
]

// Unquoted YAML has no escapes, a lone `\uD800` cannot come from UTF-8, and
// these are text.
const allowed: ReadonlyArray<{name: string; content: string}> = [
  {name: 'tabs in the body', content: edit('So let them see', 'So let\tthem see')},
  {name: 'an emoji ZWJ sequence (woman technologist)', content: edit('So let them see', 'So let 👩\u200d💻 them see')},
  {name: 'a skin-toned emoji ZWJ sequence', content: edit('So let them see', 'So let 👩🏽\u200d💻 them see')},
  {name: 'an escaped reference', content: edit('So let them see', 'So \\&#x202E; let them see')},
  {name: 'ESC as a reference (micromark decodes it to U+FFFD)', content: edit('So let them see', 'So &#27; let them see')},
  {name: 'a surrogate pair escaped in YAML (one emoji)', content: edit(SUMMARY, `summary: "Let \\uD83D\\uDE00 ${SUMMARY.slice(13)}"`)},
  {name: 'a backslash-e in plain YAML (no escape there)', content: edit('summary: Let the', 'summary: Let \\e the')},
]

async function build(content: string) {
  const directory = await materializeWith({[STEP_FILE]: content})
  try {
    return diagnostics((await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})).files)
  } finally {
    await rm(directory, {recursive: true, force: true})
  }
}

describe('control-characters', () => {
  it.each(refused)('$name: reported at its exact line and column', async ({content, found}) => {
    expect(await build(content)).toEqual(
      found.map(([line, column, what]) => expect.objectContaining({file: STEP_FILE, line, column, ruleId: 'control-characters', reason: `Expected visible text, found ${what}`, fatal: true})),
    )
  })

  it.each(allowed)('$name: not reported', async ({content}) => {
    expect((await build(content)).filter((diagnostic) => diagnostic.ruleId === 'control-characters')).toEqual([])
  })

  it('reports at most 20 characters in a file, then how many more', async () => {
    const found = await build(edit('So let them see', `So ${'\u001b'.repeat(25)} let them see`))
    expect(found).toHaveLength(21)
    expect(found.at(-1)).toMatchObject({line: 13, column: 24, reason: 'Expected visible text, found 5 more such characters from here on'})
  })
})
