// The spelling cost of one locale's content in a fresh process: argv[2] is the
// content folder (`content` or `content/locales/<tag>`), argv[3] its locale.
// Prints {withoutMs, firstMs, laterMs, loads} as JSON:
//   withoutMs  every other document rule (the lint without spelling)
//   firstMs    the spelling and repeated-words rules, first run: Hunspell
//              and the dictionary are loaded here (once per process)
//   laterMs    the same rules on a fresh parse, as each `check --watch` run
//   loads      how many times the dictionary was loaded (1)
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {parseContent} from '../../pipeline/parse/document.js'
import {dictionaryFor, dictionaryLoads, loadSpellChecker} from '../../pipeline/lint/dictionaries.js'
import {runRules} from '../../pipeline/lint/rule.js'
import {rules} from '../../pipeline/lint/rules/index.js'
import {repeatedWords} from '../../pipeline/lint/rules/repeated-words.js'
import {spelling} from '../../pipeline/lint/rules/spelling.js'
import {WORDS_FILE, readWordList} from '../../pipeline/read/words.js'

const [directory = '', locale = ''] = process.argv.slice(2)
const prose = [spelling, repeatedWords]
const others = rules.filter((rule) => rule.phase === 'document' && !prose.includes(rule))

const guideText = await readFile(path.join(directory, 'guide.md'), 'utf8')
// A translation names its checklist heading in its guide's front matter.
const heading = /^checklist:[ \t]*["']?(.+?)["']?[ \t]*$/m.exec(guideText)?.[1] ?? 'Checklist'
const texts = [
  {file: 'guide.md', kind: 'guide' as const, value: guideText},
  ...(await Promise.all(
    (await readdir(path.join(directory, 'steps'))).sort().map(async (name) => ({
      file: `steps/${name}`,
      kind: 'step' as const,
      value: await readFile(path.join(directory, 'steps', name), 'utf8'),
    })),
  )),
]
const read = await readWordList(path.join(directory, WORDS_FILE), WORDS_FILE)
const words = read !== undefined && 'entries' in read ? read : undefined

function context() {
  const documents = texts.map(({file, kind, value}) => parseContent(new VFile({path: file, value}), kind, heading))
  return {
    layout: {missing: [], unexpected: [], unreadable: []},
    sources: [],
    guide: documents.find((document) => document.kind === 'guide'),
    steps: documents.filter((document) => document.kind === 'step'),
    coveredRounds: undefined,
    manifest: undefined,
    folder: {tag: locale, sourceTag: 'en-GB', isSource: locale === 'en-GB', checklistHeading: heading, directory, name: (file: string) => file},
    words,
  }
}

// Times the rules on freshly parsed documents (parsing is not timed: it is
// the same with or without spelling).
const time = (rules: typeof prose): number => {
  const parsed = context()
  const start = process.hrtime.bigint()
  runRules(rules, parsed)
  return Number(process.hrtime.bigint() - start) / 1e6
}

const withoutMs = time(others)
const loading = process.hrtime.bigint()
await loadSpellChecker()
const firstMs = Number(process.hrtime.bigint() - loading) / 1e6 + time(prose)
const later: number[] = []
for (let run = 0; run < 9; run++) later.push(time(prose))
later.sort((a, b) => a - b)
const dictionary = dictionaryFor(locale) ?? ''
process.stdout.write(JSON.stringify({withoutMs, firstMs, laterMs: later[4], loads: dictionaryLoads().get(dictionary) ?? 0}))
