// The build's cheap prefilters may skip work only where the work could not
// report anything: `mayRepeatWords` stands in front of retext-repeated-words
// (the nlcst tree is the slow part of the lint), so whenever retext finds a
// repeat it must have said `true`. Checked on generated documents whose
// words repeat often, across every way mdast-util-to-nlcst joins or splits
// text (emphasis, breaks, code, links, images, line endings, Unicode case).
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseContent} from '../pipeline/document.js'
import {mayRepeatWords, proseOf, repeatedWords} from '../pipeline/prose.js'

// Few words, so neighbours are often the same; case variants, words with
// inner punctuation, and letters whose lower case changes length (İ) or
// depends on what follows (Σ).
const word = fc.constantFrom('the', 'The', 'THE', 'he', 'then', 'a', 'A', 'had', 'İ', 'i̇', 'ß', 'SS', 'ΣΑΣ', 'σας', "don't", 'DON’T', 'x1', 'co-op', 'é', 'É', 'e\u0301', '3', 'a.b')
// What can stand between two words: white space of every kind parse-latin
// knows, hard breaks, line endings, emphasis, code, links, images, escapes,
// references and punctuation.
const between = fc.constantFrom(
  ' ', '  ', '\t', '\n', '  \n', '\\\n', '\u00a0', '\u2003', '\u3000', '\u0085', ' *', '* ', '**', ' _', '_ ', '~~', ' `code` ', '`c`',
  ' ![the](x.png) ', '![The](y.png)', ' [the](https://x.example) ', '[a](https://x.example)', ' <https://x.example> ', ' &amp; ', '&#32;', '\\*',
  ', ', '. ', '-', '—', '’', "'", ' <b> ', ' <!-- c --> ', '',
)
const inline = fc
  .tuple(word, fc.array(fc.tuple(between, word), {minLength: 1, maxLength: 8}))
  .map(([first, rest]) => rest.reduce<string>((text, [gap, next]) => `${text}${gap}${next}`, first))

const document = fc
  .record({
    summary: fc.oneof(inline.map((text) => text.replace(/\n/g, ' ')), fc.constant('')),
    quoted: fc.boolean(),
    title: inline.map((text) => text.replace(/\n/g, ' ')),
    body: fc.array(inline, {minLength: 0, maxLength: 3}),
    items: fc.array(inline, {minLength: 0, maxLength: 3}),
    table: fc.boolean(),
  })
  .map(({summary, quoted, title, body, items, table}) =>
    [
      '---',
      'id: step-one',
      'step: 1',
      `summary: ${quoted ? JSON.stringify(summary) : summary}`,
      '---',
      '',
      `# ${title}`,
      '',
      ...body.flatMap((paragraph) => [paragraph, '']),
      ...(table ? ['| the | the |', '| --- | --- |', '| the | the |', ''] : []),
      '## Checklist',
      '',
      ...items.map((item, index) => `- [ ] ${item.replace(/\n/g, ' ')} {#item-${index} rounds=2+}`),
      '',
    ].join('\n'),
  )

describe('mayRepeatWords', () => {
  it.each([
    ['no word twice in a row', '# One two\n\nThree four five.\n', false],
    ['a repeat in the title', '# The the end\n', true],
    ['a repeat across emphasis', '# Title\n\nSay *the* the end.\n', true],
    ['a repeat across a hard break', '# Title\n\nSay the\\\nthe end.\n', true],
    ['a repeat across a line ending', '# Title\n\nSay the\nthe end.\n', true],
    ['a repeat that differs in case', '# Title\n\nThe THE end.\n', true],
    ['the same word with code between', '# Title\n\nthe `x` the\n', false],
    ['short words outside ASCII, none twice', '# Título\n\nÉl está aquí.\n', false],
    // Text written without spaces is one run per sentence: too long to scan, retext decides.
    ['long runs outside ASCII', `# Title\n\n${'面接'.repeat(20)}。 ${'準備'.repeat(20)}\n`, true],
  ] as const)('%s', (_name, markdown, expected) => {
    expect(mayRepeatWords(parseContent(new VFile({path: 'guide.md', value: markdown}), 'guide'))).toBe(expected)
  })

  it.each(['en-GB', 'fr'])('is true whenever retext-repeated-words finds a repeat (%s)', (tag) => {
    fc.assert(
      fc.property(document, (markdown) => {
        const parsed = parseContent(new VFile({path: 'steps/01-step-one.md', value: markdown}), 'step')
        const found = repeatedWords(proseOf(parsed, tag), tag)
        if (found.length > 0) expect(mayRepeatWords(parsed)).toBe(true)
      }),
      {numRuns: 300},
    )
  })
})
