// Whole-process start-up: wall time of a Node process that loads the package
// (from a project that depends on it) and calls getStep, and of the bin's
// `steps` (which must not load the content pipeline), against `node -e 0`.
import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {type Figure, NAME, ROOT, format, median, timeProcess} from '../measure.js'

const VARIANTS = {
  baseline: ['-e', '0'],
  cjs: ['-e', "require('ace-second-interview').getStep(1)"],
  esm: ['--input-type=module', '-e', "import {getStep} from 'ace-second-interview'; getStep(1)"],
  steps: [path.join(ROOT, 'dist/cli.js'), 'steps'],
} satisfies Record<string, string[]>

/**
 * Measure whole-process start-up of each variant, interleaved, in a
 * throwaway project whose node_modules links to this package.
 *
 * @param runs Processes per variant.
 * @returns `figures`: one each for `require`, `import` and `steps`; `nodeMs`:
 *   the median of `node -e 0`, the baseline of the bin's other figures too.
 */
export async function measureStartup(runs: number): Promise<{figures: Figure[]; nodeMs: number}> {
  const consumer = await mkdtemp(path.join(tmpdir(), 'ace-bench-'))
  try {
    await mkdir(path.join(consumer, 'node_modules'))
    await symlink(ROOT, path.join(consumer, 'node_modules', NAME), 'dir')
    await writeFile(path.join(consumer, 'package.json'), '{"private": true}\n')
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
    return {
      figures: [
        row('whole process: `require` + `getStep`', 'cjs', 1.05),
        row('whole process: `import` + `getStep`', 'esm', 1.1),
        row('`ace-second-interview steps` start-up', 'steps', 1.25),
      ],
      nodeMs: median(samples.baseline),
    }
  } finally {
    await rm(consumer, {recursive: true, force: true})
  }
}
