// The spelling and repeated-words rules on fixture prose the tests own, in
// en-GB, en-US, es and de (French, slow to load, has its own file). Each
// dictionary is loaded once for the whole file, as in a watch session.
import {spawnSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {build} from 'esbuild'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildGuide, diagnostics} from '../pipeline/index.js'
import {dictionaryFor, dictionarySpeller, loadSpellChecker} from '../pipeline/lint/dictionaries.js'
import {rankSuggestions} from '../pipeline/parse/prose.js'
import {parseWordList, wordForms} from '../pipeline/read/words.js'
import {FIXTURES, STEP_FILE, VALID_LOCALE, copyFixture, materializeWith, validFile} from './fixture-content.js'
import {ROOT} from './helpers.js'
import {LINES, STEP, WORDS, at, lintProse, stepMarkdown} from './prose-fixture.js'

beforeAll(loadSpellChecker)

const cleanup: string[] = []
afterAll(async () => {
  for (const folder of cleanup) await rm(folder, {recursive: true, force: true})
})

const warning = {ruleId: 'spelling', severity: 'warning', fatal: false} as const

// One sentence per locale, correct, and with one misspelt word. (The
// checklist heading is not prose: it is the locale's fixed convention.)
const LOCALES = [
  {locale: 'en-GB', correct: 'Show your true colours at the centre of the conversation', wrong: 'Show your true color in the conversation', word: 'color', suggestion: 'colour'},
  {locale: 'en-GB', correct: 'Realise that the interviewers analyse your behaviour', wrong: 'Stand at the center of the conversation', word: 'center', suggestion: 'centre'},
  {locale: 'en-US', correct: 'Show your true colors at the center of the conversation', wrong: 'Show your true colour in the conversation', word: 'colour', suggestion: 'color'},
  {locale: 'es', correct: 'Prepara tu entrevista con calma y confianza', wrong: 'Prepara tu entrevsta con calma', word: 'entrevsta', suggestion: 'entrevista'},
  {locale: 'es-MX', correct: 'Prepara tu segunda entrevista con calma', wrong: 'Prepara tu entrevsta con calma', word: 'entrevsta', suggestion: 'entrevista'},
  // `gut` and `sieh` are also listed as compound-only homonyms in dictionary-de.
  {locale: 'de', correct: 'Bereite dich gut auf das Gespräch vor und sieh es als Chance', wrong: 'Bereite dich auf das Gesprch vor', word: 'Gesprch', suggestion: 'Gespräch'},
] as const

describe.each(LOCALES)('spelling in $locale ($word)', ({locale, correct, wrong, word, suggestion}) => {
  it('passes a correctly spelt title, summary, body and item', () => {
    expect(lintProse({title: correct, summary: `${correct}.`, body: `${correct}.`, items: [`${correct}. {#plan-answer rounds=2+}`]}, locale)).toEqual([])
  })

  it.each([
    {part: 'title', line: LINES.title, prefix: '# '},
    {part: 'summary', line: LINES.summary, prefix: 'summary: '},
    {part: 'body', line: LINES.body, prefix: ''},
    {part: 'items', line: LINES.items, prefix: '- [ ] '},
  ] as const)('reports a misspelt word in the $part at its line and column, with suggestions', ({part, line, prefix}) => {
    const text = `${wrong}.`
    const parts = {title: correct, summary: `${correct}.`, body: `${correct}.`, items: [`${correct}. {#plan-answer rounds=2+}`]}
    const found = lintProse({...parts, [part]: part === 'items' ? [`${text} {#plan-answer rounds=2+}`] : text}, locale)
    expect(found).toEqual([{...warning, file: STEP, ...at(line, text, prefix, word), reason: expect.stringContaining(`found \`${word}\`; did you mean \`${suggestion}\``), tip: expect.stringContaining('words.txt')}])
  })
})

describe('spelling', () => {
  it('gives at most 3 suggestions, best first, in the message and in `expected`', () => {
    const document = stepMarkdown({body: 'Stand at the center of the room.'})
    const found = lintProse(document, 'en-GB')
    expect(found).toHaveLength(1)
    const suggestions = [...(found[0]?.reason.matchAll(/`([^`]+)`/g) ?? [])].slice(1).map((match) => match[1])
    expect(suggestions[0]).toBe('centre')
    expect(suggestions.length).toBeLessThanOrEqual(3)
  })

  it('puts `expected` and `actual` on the vfile message, as a warning that lets the build succeed', async () => {
    const step = await validFile(STEP_FILE)
    const text = 'So let them see your true color.'
    const directory = await materializeWith({[STEP_FILE]: step.replace('So let them see the real you.', text)})
    cleanup.push(directory)
    const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})
    const messages = result.files.flatMap((file) => file.messages)
    const line = step.split('\n').indexOf('So let them see the real you.') + 1
    expect(messages).toEqual([expect.objectContaining({ruleId: 'spelling', actual: 'color', expected: ['colour', expect.any(String), expect.any(String)], fatal: false, line, column: text.indexOf('color') + 1})])
    expect(result.guide).toBeDefined()
  })

  it('checks blocks out of their usual order (a title after the checklist) without throwing', () => {
    // Found by test/pipeline-property.test.ts: the nlcst tree's positions went backwards.
    const markdown = '---\nid: fixture\nstep: 1\nsummary: Plan.\n---\n\n## Checklist\n\n- [ ] Plan the colr. {#plan-answer rounds=2+}\n\n# Plan\n'
    expect(lintProse(markdown, 'en-GB')).toEqual([expect.objectContaining({ruleId: 'spelling', reason: expect.stringContaining('found `colr`')})])
  })

  it('reports each occurrence', () => {
    const text = 'The color of a color.'
    const found = lintProse({body: text}, 'en-GB')
    expect(found.map(({line, column}) => ({line, column}))).toEqual([{line: LINES.body, column: 5}, {line: LINES.body, column: 16}])
  })

  it('reports a word in a quoted summary at its own place in the front matter', () => {
    const found = lintProse(stepMarkdown({summary: '"Show your color: with proof."'}), 'en-GB')
    expect(found).toEqual([expect.objectContaining({line: LINES.summary, column: 21, ruleId: 'spelling'})])
  })

  it('reports a word in a summary written with escapes at the start of the value', () => {
    const found = lintProse(stepMarkdown({summary: '"Say \\"thanks\\" with color."'}), 'en-GB')
    expect(found).toEqual([expect.objectContaining({line: LINES.summary, column: 10, ruleId: 'spelling'})])
  })

  it.each([
    {name: 'a placeholder with a form', item: 'Plan your {next:f} answer. {#plan-answer rounds=2+}'},
    {name: 'a misspelt placeholder', item: 'Plan your {nxet} answer. {#plan-answer rounds=2+}'},
    {name: 'the attribute block', item: 'Plan your answer. {#plan-xqzvw rounds=2+ replaces=xqzv-old}'},
    {name: 'a mis-spaced attribute block', item: 'Plan your answer. { #plan-xqzvw rounds=2+ }'},
    {name: 'inline code', item: 'Run `xqzvw --colr` first. {#plan-answer rounds=2+}'},
    {name: 'an autolink', item: 'Read <https://xqzvw.example/colr> first. {#plan-answer rounds=2+}'},
    {name: 'a bare URL', item: 'Read https://xqzvw.example/colr first. {#plan-answer rounds=2+}'},
    {name: 'an e-mail address', item: 'Write to hello@xqzvw.example first. {#plan-answer rounds=2+}'},
    {name: 'an emoji\'s invisible variation selector (U+FE0F)', item: 'Write it down ✍️ first. {#plan-answer rounds=2+}'},
  ])('never flags $name', ({item}) => {
    expect(lintProse({items: [item]}, 'en-GB')).toEqual([])
  })

  it('checks the text of a link, not its URL', () => {
    const text = 'Read [the color guide](https://xqzvw.example/colr).'
    expect(lintProse({body: text}, 'en-GB')).toEqual([expect.objectContaining({...at(LINES.body, text, '', 'color'), ruleId: 'spelling'})])
  })

  it('never flags a German placeholder form such as `{next:en}`', () => {
    const item = 'Geh vor deinem {next:en} Gespräch die Schritte durch. {#plan-answer rounds=2+}'
    expect(lintProse({title: 'Plane', summary: 'Plane.', body: 'Plane.', items: [item]}, 'de')).toEqual([])
  })

  it('says once, as a warning, when a locale has no dictionary', () => {
    expect(lintProse({body: 'Planeje a sua entrevista.'}, 'pt-BR')).toEqual([
      {...warning, file: STEP, line: 1, column: 1, reason: 'Expected a locale whose language has a spelling dictionary (en, es, fr, de), found `pt-BR`; spelling was not checked', tip: expect.any(String)},
    ])
  })
})

describe('the word list', () => {
  const text = 'Ask Xyzzyco about LinkedOut and the quorbs.'

  it.each([
    {name: 'accepts its words as written', words: 'Xyzzyco\nLinkedOut\nquorbs\n', flagged: []},
    {name: 'ignores comments and blank lines', words: '# Names\n\nXyzzyco\n  # more\nLinkedOut\nquorbs\n', flagged: []},
    {name: 'accepts a lower-case word capitalised', words: 'xyzzyco\nLinkedOut\nquorbs\n', flagged: []},
    {name: 'never accepts a capitalised word in lower case', words: 'Xyzzyco\nLinkedOut\nQuorbs\n', flagged: ['quorbs']},
    {name: 'excuses only what it lists', words: 'Xyzzyco\n', flagged: ['LinkedOut', 'quorbs']},
  ])('$name', ({words, flagged}) => {
    const found = lintProse({body: text}, 'en-GB', words).filter((entry) => entry.file === STEP)
    expect(found.map((entry) => /found `([^`]+)`/.exec(entry.reason)?.[1])).toEqual(flagged)
  })

  it.each([
    {name: 'a word the content does not use', words: 'Xyzzyco\nLinkedOut\nquorbs\nZorblat\n', line: 4, column: 1, reason: 'Expected each word in the list to appear in the en-GB content, found `Zorblat` in none of it'},
    {name: 'two words on a line', words: 'Xyzzyco\n  LinkedOut quorbs\n', line: 2, column: 3, reason: 'Expected one word per line (letters and digits, joined by `\'`, `-` or `.`), found `LinkedOut quorbs`'},
    {name: 'a word listed twice', words: 'Xyzzyco\nLinkedOut\nquorbs\nXyzzyco\n', line: 4, column: 1, reason: 'Expected each word once, found `Xyzzyco` again (first on line 1)'},
  ])('reports $name as a warning at its line and column', ({words, line, column, reason}) => {
    const found = lintProse({body: text}, 'en-GB', words).filter((entry) => entry.file === WORDS)
    expect(found).toEqual([{...warning, file: WORDS, line, column, reason, tip: expect.any(String)}])
  })

  it('reads words.txt from the content folder through the build, and takes an edited list without reloading', async () => {
    const step = await validFile(STEP_FILE)
    const directory = await materializeWith({'words.txt': '# Terms\nXyzzyco\n', [STEP_FILE]: step.replace('So let them see the real you.', 'So let Xyzzyco see the real you.')})
    cleanup.push(directory)
    const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})
    expect(diagnostics(result.files)).toEqual([])
    await writeFile(path.join(directory, 'words.txt'), '# Terms\n')
    const without = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})
    expect(diagnostics(without.files)).toEqual([expect.objectContaining({file: STEP_FILE, ruleId: 'spelling', reason: expect.stringContaining('found `Xyzzyco`')})])
  })

  it('is read only as a regular file: a symbolic link there is refused, never followed', async () => {
    const directory = await materializeWith({})
    cleanup.push(directory)
    await symlink('/etc/hostname', path.join(directory, 'words.txt'))
    const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})
    expect(diagnostics(result.files)).toEqual([
      expect.objectContaining({file: 'words.txt', line: 1, column: 1, ruleId: 'content-files', reason: 'Expected a regular file at `words.txt`, found a symbolic link; put the file itself here instead of a link to it'}),
    ])
  })

  it('calls no entry unused while a file has an error (its words may not have been read)', async () => {
    const step = await validFile(STEP_FILE)
    const broken = step.replace('So let them see the real you.', 'So let Xyzzyco see the real you.').replace(/\n---\n/, '\n')
    const directory = await materializeWith({'words.txt': 'Xyzzyco\n', [STEP_FILE]: broken})
    cleanup.push(directory)
    const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})
    expect(diagnostics(result.files).map(({ruleId}) => ruleId)).toEqual(['front-matter-syntax'])
  })

  it.each([
    {word: 'résumé', forms: ['résumé', 'Résumé', 'RÉSUMÉ']},
    {word: 'LinkedIn', forms: ['LinkedIn', 'LINKEDIN']},
    {word: 'don’t', forms: ["don't", "Don't", "DON'T"]},
  ])('accepts $word as $forms', ({word, forms}) => {
    expect(wordForms(word)).toEqual(forms)
  })

  it('parses entries with their positions', () => {
    expect(parseWordList('# x\n  follow-up\r\n').entries).toEqual([{word: 'follow-up', position: {start: {line: 2, column: 3}, end: {line: 2, column: 12}}}])
  })
})

// Issue 24, item 5: following the translation-missing tip literally (copy
// the source's step, then translate it) must not stop the build.
describe('a translation in progress', () => {
  const PLAN = 'steps/02-make-a-plan.md'
  const COPY = 'locales/es/steps/02-make-a-plan.md'

  it('reports a source step copied into a locale as untranslated, not as an error or as misspelt Spanish', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'ace-in-progress-'))
    cleanup.push(directory)
    await copyFixture(path.join(FIXTURES, 'valid'), directory)
    await copyFixture(VALID_LOCALE, directory)
    await rm(path.join(directory, 'locales/es/steps/02-haz-un-plan.md'))
    const build = async () => {
      const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})
      // The word list's entry for the removed translation is unused: another matter.
      return {result, found: diagnostics(result.files).filter((found) => found.file !== 'locales/es/words.txt')}
    }
    const before = await build()
    expect(before.found).toEqual([expect.objectContaining({ruleId: 'translation-missing', tip: expect.stringMatching(new RegExp(`^Copy ${PLAN} to ${COPY} and translate its words \\(.*write the checklist heading as \`## Lista de comprobación\`; give each placeholder the form its noun takes in \`es\`: \`\\{next:f\\}\`, \`\\{next:m\\}\`\\)`))})])
    await cp(path.join(directory, PLAN), path.join(directory, COPY))
    const copied = await build()
    expect(copied.found).toEqual([
      expect.objectContaining({file: COPY, line: 7, ruleId: 'translation-missing', severity: 'warning', reason: expect.stringMatching(/^Expected step `make-a-plan` translated, found the source's words in its title, summary and body and in items `note-best-answer`, .* \(copied, not translated yet\)/), tip: expect.stringContaining('`## Lista de comprobación`')}),
      expect.objectContaining({file: COPY, ruleId: 'heading-structure', severity: 'warning', tip: expect.stringContaining('`## Lista de comprobación`')}),
    ])
    // Shipped as what it is: the source's words, in the source's grammar.
    const step = copied.result.locales.find((locale) => locale.tag === 'es')?.guide.steps.find((candidate) => candidate.id === 'make-a-plan')
    expect(step).toMatchObject({locale: 'en-GB', translation: 'fallback', checklist: expect.arrayContaining([expect.objectContaining({locale: 'en-GB', translation: 'fallback', text: expect.stringContaining('your first interview')})])})
    // A part once translated is checked in the locale's language; the rest is still the source's.
    const text = await readFile(path.join(directory, COPY), 'utf8')
    await writeFile(path.join(directory, COPY), text.replace('# Make a plan', '# Haz un plna').replace('## Checklist', '## Lista de comprobación'))
    const started = await build()
    expect(started.found.map(({ruleId, reason}) => [ruleId, reason])).toEqual([
      ['spelling', expect.stringContaining('found `plna`')],
      ...['note-best-answer', 'note-weakest-answer', 'note-focus-topics', 'link-strongest-quality'].map((id) => ['translation-missing', expect.stringContaining(`item \`${id}\` translated, found the source's words`)]),
    ])
  })
})

describe('repeated words', () => {
  it.each([
    {locale: 'en-GB', text: 'Plan the the round.', word: 'the'},
    {locale: 'de', text: 'Plane die Runde mit mit Ruhe.', word: 'mit'},
  ])('reports `$word $word` in $locale at the first of the two', ({locale, text, word}) => {
    const found = lintProse({title: 'Plan', summary: 'Plan.', body: text, items: ['Plan. {#plan-answer rounds=2+}']}, locale)
    expect(found.filter((entry) => entry.ruleId === 'repeated-words')).toEqual([
      {file: STEP, ...at(LINES.body, text, '', `${word} ${word}`), ruleId: 'repeated-words', severity: 'warning', fatal: false, reason: `Expected \`${word}\` once, found it twice in a row: \`${word} ${word}\``, tip: expect.any(String)},
    ])
  })

  it('lets pairs that are grammatical through (`had had`, `that that`)', () => {
    expect(lintProse({body: 'They had had doubts, and that that mattered.'}, 'en-GB')).toEqual([])
  })
})

describe('dictionaries', () => {
  it.each([
    ['en-GB', 'dictionary-en-gb'],
    ['en-gb', 'dictionary-en-gb'],
    ['en-US', 'dictionary-en'],
    ['en', 'dictionary-en'],
    ['es', 'dictionary-es'],
    ['es-MX', 'dictionary-es'],
    ['fr-CA', 'dictionary-fr'],
    ['de-AT', 'dictionary-de'],
    ['pt-BR', undefined],
  ])('%s is spelt with %s', (tag, dictionary) => {
    expect(dictionaryFor(tag)).toBe(dictionary)
  })

  it('leaves no process-wide crash handler behind (Emscripten adds one that prints its whole source)', () => {
    expect(process.listeners('uncaughtException').filter((listener) => String(listener).includes('ExitStatus'))).toEqual([])
  })

  it('suggests for new unknown words while a check\'s budget lasts, and remembers what it suggested', () => {
    const speller = dictionarySpeller('dictionary-en-gb')
    if (speller.kind !== 'loaded') throw new Error('dictionary-en-gb is a devDependency')
    const spent = {left: 0}
    expect(speller.suggest('behavour', spent)).toEqual([])
    const budget = {left: 1}
    expect(speller.suggest('behavour', budget)).toContain('behaviour')
    expect(budget.left).toBe(0)
    // Remembered: free, even with nothing left.
    expect(speller.suggest('behavour', spent)).toContain('behaviour')
    expect(speller.suggest('intervew', spent)).toEqual([])
  })

  it('says why a dictionary package cannot be loaded', () => {
    expect(dictionarySpeller('dictionary-xx-not-installed')).toEqual({kind: 'missing', dictionary: 'dictionary-xx-not-installed', culprit: 'dictionary-xx-not-installed', why: 'it is not installed'})
  })

  it('orders the other side of the Atlantic\'s spelling first', () => {
    expect(rankSuggestions('center', ['enter', 'canter', 'censer', 'centre'])).toEqual(['centre', 'enter', 'canter', 'censer'])
    expect(rankSuggestions('colour', ['color', 'colon'])).toEqual(['color', 'colon'])
    expect(rankSuggestions('organize', ['organ', 'organise'])).toEqual(['organise', 'organ'])
  })

  // Run last in this file: every test above has linted in these locales.
  it('loads each dictionary once however many documents are checked (as check --watch does)', () => {
    for (const name of ['dictionary-en-gb', 'dictionary-en', 'dictionary-es', 'dictionary-de']) expect(dictionarySpeller(name), name).toBe(dictionarySpeller(name))
  })
})

describe('the check, installed without the spelling packages', () => {
  // The check entry bundled as tsup bundles it, once for both cases.
  let bundled: Promise<string> | undefined
  const bundle = (): Promise<string> =>
    (bundled ??= build({
      entryPoints: [path.join(ROOT, 'pipeline/check.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: 'check.js',
      write: false,
      logLevel: 'silent',
      banner: {js: "import {createRequire as __createRequire} from 'node:module'\nconst require = __createRequire(import.meta.url)"},
    }).then(({outputFiles}) => outputFiles[0]!.text))

  it.each([
    {missing: 'hunspell-asm', installed: [], reason: 'Expected the spell checker `hunspell-asm` to check en-GB, but it is not installed; spelling was not checked', tip: 'Install the spell checker and the dictionary beside this package to check spelling: `npm install --save-dev hunspell-asm dictionary-en-gb`.'},
    {missing: 'dictionary-en-gb', installed: ['hunspell-asm'], reason: 'Expected the spelling dictionary `dictionary-en-gb` for en-GB, but it is not installed; spelling was not checked', tip: 'Install the dictionary beside this package to check spelling: `npm install --save-dev dictionary-en-gb`.'},
  ])('checks everything else and says once that spelling was not checked, naming only what is missing (no $missing)', async ({installed, reason, tip}) => {
    // The bundle, run from a folder where only the packages named can be resolved.
    const scratch = await mkdtemp(path.join(tmpdir(), 'ace-spelling-'))
    cleanup.push(scratch)
    for (const name of installed) {
      await mkdir(path.join(scratch, 'node_modules'), {recursive: true})
      await symlink(path.join(ROOT, 'node_modules', name), path.join(scratch, 'node_modules', name))
    }
    const checkEntry = path.join(scratch, 'check.js')
    await writeFile(checkEntry, await bundle())
    const content = await materializeWith({})
    cleanup.push(content)
    const script = `const {checkContent} = await import(${JSON.stringify(pathToFileURL(checkEntry).href)}); const result = await checkContent(${JSON.stringify(content)}); console.log(JSON.stringify(result))`
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: scratch, encoding: 'utf8'})
    expect(run.stderr).toBe('')
    const result = JSON.parse(run.stdout) as {ok: boolean; diagnostics: unknown[]}
    expect(result.ok).toBe(true)
    expect(result.diagnostics).toEqual([
      {
        ...warning,
        file: path.join(content, 'guide.md'),
        line: 1,
        column: 1,
        reason,
        tip,
      },
    ])
  })
})
