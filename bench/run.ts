// `npm run bench`: measure every figure against its baseline, print the goal
// table and rewrite BENCHMARKS.md (keeping its hand-written notes).
//   --quick  few samples and one build per size, to try the harness out (rough figures)
import {readFile, rm, writeFile} from 'node:fs/promises'
import {loadavg} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {ROOT, makeConsumer} from './consumer.js'
import {measureBuild} from './figures/build.js'
import {measureCli} from './figures/cli.js'
import {measureSize} from './figures/size.js'
import {measureStartup} from './figures/startup.js'
import {measureTestContent} from './figures/test-content.js'
import {measureTestSuite} from './figures/test-suite.js'
import {NOTES_END, NOTES_START, consoleTable, renderBenchmarks} from './report.js'

const FILE = path.join(ROOT, 'BENCHMARKS.md')

async function keptNotes(): Promise<string> {
  const text = await readFile(FILE, 'utf8').catch(() => '')
  const start = text.indexOf(NOTES_START)
  const end = text.indexOf(NOTES_END)
  return start === -1 || end < start ? 'No notes yet.' : text.slice(start + NOTES_START.length, end)
}

async function main(): Promise<number> {
  const {values} = parseArgs({options: {quick: {type: 'boolean', default: false}}})
  const samples = values.quick === true ? 5 : 31
  const log = (line: string): void => void process.stderr.write(`${line}\n`)
  const startedAt = new Date()
  const loadBefore = loadavg()
  const consumer = await makeConsumer()
  try {
    log('bench: size…')
    const size = await measureSize()
    log('bench: whole-process start-up…')
    const startup = measureStartup(consumer, values.quick === true ? 5 : 41)
    log('bench: the bin (steps start-up, check --watch)…')
    const cli = await measureCli(samples)
    log('bench: the editor\'s fast loop (npm run test:content)…')
    const testContent = measureTestContent(values.quick === true ? 1 : 3)
    log(values.quick === true ? 'bench: npm test (skipped: --quick)' : 'bench: the whole suite (npm test, minutes)…')
    const testSuite = measureTestSuite(values.quick === true ? 0 : 1)
    log('bench: npm run build of the shipped content…')
    const build = await measureBuild(values.quick === true ? 1 : 3)
    for (const line of build.profile) log(`bench:   ${line}`)
    const figures = [...startup.figures, ...cli.figures, size.install, size.figure, ...size.locales, testContent, testSuite.figure, ...build.figures]
    const seconds = (Date.now() - startedAt.getTime()) / 1000
    const run = {startedAt, seconds, loadBefore, figures, size, startup, cli, build, testSuite}
    await writeFile(FILE, renderBenchmarks(run, await keptNotes()))
    process.stdout.write(`${consoleTable(figures)}\n\nbench: wrote ${path.relative(process.cwd(), FILE)}\n`)
    return 0
  } finally {
    await rm(consumer, {recursive: true, force: true})
  }
}

process.exitCode = await main()
