// Whole-process cost: wall time of a Node process that loads the package and
// calls getStep, against `node -e 0`.
import {type Figure, format} from '../figure.js'
import {timeProcess} from '../spawn.js'
import {median} from '../stats.js'

const VARIANTS = {
  baseline: ['-e', '0'],
  cjs: ['-e', "require('ace-second-interview').getStep(1)"],
  esm: ['--input-type=module', '-e', "import {getStep} from 'ace-second-interview'; getStep(1)"],
} satisfies Record<string, string[]>

/**
 * Measure whole-process start-up of each variant, interleaved.
 *
 * @param consumer A project made by `makeConsumer`.
 * @param runs Processes per variant.
 * @returns One figure each for `require` and `import`.
 */
export function measureStartup(consumer: string, runs: number): Figure[] {
  const names = Object.keys(VARIANTS) as Array<keyof typeof VARIANTS>
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<keyof typeof VARIANTS, number[]>
  const time = (name: keyof typeof VARIANTS): number => timeProcess(process.execPath, VARIANTS[name], consumer)
  for (const name of names) time(name) // warms the file cache
  for (let run = 0; run < runs; run++) {
    // Each run is one sample of every variant, back to back; the order flips
    // every other run, so no variant always runs on a warmer machine.
    for (const name of run % 2 === 0 ? names : [...names].reverse()) samples[name].push(time(name))
  }
  // The ratio is the median of each run's own ratio: paired samples, which
  // the machine's drifting load barely moves (unpaired medians do).
  const pairedRatio = (name: keyof typeof VARIANTS): number => median(samples[name].map((value, run) => value / (samples.baseline[run] as number)))
  const row = (name: string, variant: keyof typeof VARIANTS, goal: number): Figure => ({
    name,
    measured: `${format(median(samples[variant]), 1)} ms`,
    baseline: `${format(median(samples.baseline), 1)} ms (\`node -e 0\`)`,
    ratio: `${format(pairedRatio(variant), 3)}× (median of ${runs} pairs)`,
    goal: `≤ ${format(goal)}×`,
    met: pairedRatio(variant) <= goal,
  })
  return [row('whole process: `require` + `getStep`', 'cjs', 1.05), row('whole process: `import` + `getStep`', 'esm', 1.1)]
}
