// The editor's fast loop: wall time of `npm run test:content` (regenerate the
// data, then the `content` vitest project), against `npm run check:content`
// (the lint alone). The goal is an absolute one: at most 15 s on this machine.
import {type Figure, format} from '../figure.js'
import {ROOT} from '../consumer.js'
import {timeProcess} from '../spawn.js'
import {median} from '../stats.js'

/** The goal, in milliseconds. */
const GOAL_MS = 15_000

/**
 * Time `npm run test:content` and `npm run check:content`, interleaved, each
 * run to completion in the project root.
 *
 * @param samples Runs of each; the median is reported.
 * @returns One figure.
 * @throws {Error} When either command fails (content errors, failing tests).
 * @example
 *   const figure = measureTestContent(3)
 */
export function measureTestContent(samples: number): Figure {
  const loop: number[] = []
  const lint: number[] = []
  for (let sample = 0; sample < samples; sample++) {
    loop.push(timeProcess('npm', ['run', 'test:content'], ROOT))
    lint.push(timeProcess('npm', ['run', 'check:content'], ROOT))
  }
  const measured = median(loop)
  const baseline = median(lint)
  return {
    name: '`npm run test:content` (the editor\'s fast loop)',
    measured: `${format(measured / 1000, 1)} s`,
    baseline: `${format(baseline / 1000, 1)} s (\`npm run check:content\`)`,
    ratio: `${format(measured / baseline)}×`,
    goal: '≤ 15 s',
    met: measured <= GOAL_MS,
  }
}
