// `npm run bench`: measure every figure against its baseline, print the goal
// table and rewrite BENCHMARKS.md (keeping its hand-written notes).
//   --quick  few samples, one build, no `npm test`: to try the harness out (rough figures)
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
import {consoleTable, keptNotes, renderBenchmarks} from './report.js'

const FILE = path.join(ROOT, 'BENCHMARKS.md')

async function main(): Promise<number> {
  const quick = parseArgs({options: {quick: {type: 'boolean', default: false}}}).values.quick === true
  const samples = quick ? 5 : 31
  const log = (line: string): void => void process.stderr.write(`${line}\n`)
  const startedAt = new Date()
  const loadBefore = loadavg()
  // The whole suite first, while the machine is quietest: every other
  // figure leaves the load average up for a minute after it.
  log(quick ? 'bench: npm test (skipped: --quick)' : 'bench: the whole suite (npm test, minutes)…')
  const testSuite = measureTestSuite(quick ? 0 : 1)
  const consumer = await makeConsumer()
  try {
    log('bench: install and bundle size…')
    const size = await measureSize()
    log('bench: whole-process start-up…')
    const startup = measureStartup(consumer, quick ? 5 : 41)
    log('bench: the bin (steps start-up, cold check, check --watch)…')
    const cli = await measureCli(samples)
    log('bench: the editor\'s fast loop (npm run test:content)…')
    const testContent = measureTestContent(quick ? 1 : 3)
    log('bench: npm run build of the shipped content…')
    const build = await measureBuild(quick ? 1 : 3)
    for (const line of build.profile) log(`bench:   ${line}`)
    const figures = [...size, ...startup, ...cli, testContent, testSuite.figure, ...build.figures]
    const seconds = (Date.now() - startedAt.getTime()) / 1000
    const notes = keptNotes(await readFile(FILE, 'utf8').catch(() => ''))
    await writeFile(FILE, renderBenchmarks({startedAt, seconds, loadBefore, quick, figures, testSuite}, notes))
    process.stdout.write(`${consoleTable(figures)}\n\nbench: wrote ${path.relative(process.cwd(), FILE)}\n`)
    return 0
  } finally {
    await rm(consumer, {recursive: true, force: true})
  }
}

process.exitCode = await main()
