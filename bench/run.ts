// `npm run bench`: measure every figure against its baseline, print the goal
// table and write them into BENCHMARKS.md (the text around them is kept).
//   --quick  few samples, one build, no `npm test`: to try the harness out (rough figures)
import {readFile, writeFile} from 'node:fs/promises'
import {loadavg} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {measureCheck} from './figures/check.js'
import {measureLoops, measureTestSuite} from './figures/loops.js'
import {measureSize} from './figures/size.js'
import {measureStartup} from './figures/startup.js'
import {ROOT} from './measure.js'
import {figureTable, withFigures} from './report.js'

const FILE = path.join(ROOT, 'BENCHMARKS.md')

async function main(): Promise<number> {
  const quick = parseArgs({options: {quick: {type: 'boolean', default: false}}}).values.quick === true
  const log = (line: string): void => void process.stderr.write(`${line}\n`)
  const startedAt = new Date()
  const loadBefore = loadavg()
  // The whole suite first, while the machine is quietest: every other
  // figure leaves the load average up for a minute after it.
  log(quick ? 'bench: npm test (skipped: --quick)' : 'bench: the whole suite (npm test, minutes)…')
  const testSuite = measureTestSuite(quick ? 0 : 1)
  log('bench: install and bundle size…')
  const size = await measureSize()
  log('bench: start-up (the package, the bin\'s `steps`)…')
  const startup = await measureStartup(quick ? 5 : 41)
  log('bench: cold check, check --watch…')
  const check = await measureCheck(quick ? 5 : 31, startup.nodeMs)
  log('bench: the editor\'s fast loop (npm run test:content) and npm run build…')
  const loops = await measureLoops(quick ? 1 : 3)
  const figures = [...size, ...startup.figures, ...check, testSuite, ...loops]
  const seconds = (Date.now() - startedAt.getTime()) / 1000
  await writeFile(FILE, withFigures(await readFile(FILE, 'utf8'), {startedAt, seconds, loadBefore, quick, figures}))
  process.stdout.write(`${figureTable(figures)}\n\nbench: wrote ${path.relative(process.cwd(), FILE)}\n`)
  return 0
}

process.exitCode = await main()
