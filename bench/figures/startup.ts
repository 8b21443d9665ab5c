// Whole-process cost: wall time of a Node process that loads the package and
// calls getStep, against `node -e 0`. For context, Node's ESM loader alone and
// parsing the markdown at run time (what this package avoids) are measured too.
import {type Figure, format} from '../figure.js'
import {ROOT} from '../consumer.js'
import {timeProcess} from '../spawn.js'
import {median} from '../stats.js'

const PARSE_AT_RUN_TIME = [
  "import {readFileSync, readdirSync} from 'node:fs'",
  "import {unified} from 'unified'",
  "import remarkParse from 'remark-parse'",
  "import remarkFrontmatter from 'remark-frontmatter'",
  "import remarkGfm from 'remark-gfm'",
  "const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)",
  "const files = ['content/guide.md', ...readdirSync('content/steps').map((name) => 'content/steps/' + name)]",
  "for (const file of files) parser.parse(readFileSync(file, 'utf8'))",
].join('\n')

interface Variant {
  readonly args: readonly string[]
  /** Runs in the project root (for the devDependencies) instead of the consumer. */
  readonly inRoot?: boolean
}

const VARIANTS = {
  baseline: {args: ['-e', '0']},
  cjs: {args: ['-e', "require('ace-second-interview').getStep(1)"]},
  esm: {args: ['--input-type=module', '-e', "import {getStep} from 'ace-second-interview'; getStep(1)"]},
  esmLoader: {args: ['--input-type=module', '-e', '0']},
  // The load figures' baseline (written by measureLoad): what the same data
  // costs a whole process when nothing is derived and no API is compiled.
  plainCjs: {args: ['-e', "require('plain-guide').getStep(1)"]},
  plainEsm: {args: ['--input-type=module', '-e', "import {getStep} from 'plain-guide'; getStep(1)"]},
  parseAtRunTime: {args: ['--input-type=module', '-e', PARSE_AT_RUN_TIME], inRoot: true},
} satisfies Record<string, Variant>

/** What {@link measureStartup} found. */
export interface StartupResult {
  readonly figures: Figure[]
  /** Median milliseconds per variant, for the notes. */
  readonly medians: Readonly<Record<keyof typeof VARIANTS, number>>
}

/**
 * Measure whole-process start-up of each variant, interleaved.
 *
 * @param consumer A project made by `makeConsumer`, after `measureLoad` (which writes the plain package).
 * @param runs Processes per variant.
 * @returns The figures and the medians.
 */
export function measureStartup(consumer: string, runs: number): StartupResult {
  const names = Object.keys(VARIANTS) as Array<keyof typeof VARIANTS>
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<keyof typeof VARIANTS, number[]>
  const time = (name: keyof typeof VARIANTS): number => {
    const variant: Variant = VARIANTS[name]
    return timeProcess(process.execPath, variant.args, variant.inRoot === true ? ROOT : consumer)
  }
  for (const name of names) time(name) // warms the file cache
  for (let run = 0; run < runs; run++) {
    // Each run is one sample of every variant, back to back; the order flips
    // every other run, so no variant always runs on a warmer machine.
    for (const name of run % 2 === 0 ? names : [...names].reverse()) samples[name].push(time(name))
  }
  const medians = Object.fromEntries(names.map((name) => [name, median(samples[name])])) as Record<keyof typeof VARIANTS, number>
  const base = medians.baseline
  // The ratio is the median of each run's own ratio: paired samples, which
  // the machine's drifting load barely moves (unpaired medians do).
  const pairedRatio = (name: keyof typeof VARIANTS): number => median(samples[name].map((value, run) => value / (samples.baseline[run] as number)))
  const row = (name: string, variant: keyof typeof VARIANTS, goal: number): Figure => ({
    name,
    measured: `${format(medians[variant], 1)} ms`,
    baseline: `${format(base, 1)} ms (\`node -e 0\`)`,
    ratio: `${format(pairedRatio(variant), 3)}× (median of ${runs} pairs)`,
    goal: `≤ ${format(goal)}×`,
    met: pairedRatio(variant) <= goal,
  })
  return {
    figures: [
      row('whole process: `require` + `getStep`', 'cjs', 1.05),
      row('whole process: `import` + `getStep`', 'esm', 1.1),
    ],
    medians,
  }
}
