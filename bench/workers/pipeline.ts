// One build-pipeline run in a fresh process: argv[2] is the mode, argv[3] the
// content folder. Modules are loaded before the clock starts. Prints
// {ms, maxRssBytes} as JSON.
//   build     buildGuide() with the rules `npm run build` runs (buildRules: every
//             rule but the dictionary ones): load, parse, lint, compile, render
//             (what `npm run build` does before emit and tsup)
//   parse     bare remark-parse of the same files, each read and parsed on its own
//   parse-one bare remark-parse of the same files joined into one text
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {buildGuide, buildRules} from '../../pipeline/index.js'

const [mode = '', directory = ''] = process.argv.slice(2)

async function files(): Promise<string[]> {
  const steps = (await readdir(path.join(directory, 'steps'))).sort()
  return ['guide.md', ...steps.map((name) => path.join('steps', name))].map((file) => path.join(directory, file))
}

const MODES: Record<string, () => Promise<void>> = {
  async build() {
    const result = await buildGuide({contentDir: directory, version: '1.0.0', cwd: directory, rules: buildRules})
    if (result.guide === undefined) {
      const messages = result.files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.reason}`))
      throw new Error(`pipeline: synthetic content failed the build:\n${messages.slice(0, 5).join('\n')}`)
    }
  },
  async parse() {
    const parser = unified().use(remarkParse)
    for (const file of await files()) parser.parse(await readFile(file, 'utf8'))
  },
  async 'parse-one'() {
    const parser = unified().use(remarkParse)
    const texts: string[] = []
    for (const file of await files()) texts.push(await readFile(file, 'utf8'))
    parser.parse(texts.join('\n'))
  },
}

const run = MODES[mode]
if (run === undefined) throw new Error(`pipeline: expected a mode, one of ${Object.keys(MODES).join(', ')}, received ${JSON.stringify(mode)}`)
const start = process.hrtime.bigint()
await run()
const ms = Number(process.hrtime.bigint() - start) / 1e6
// maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ms, maxRssBytes: process.resourceUsage().maxRSS * 1024}))
