// validateGuide stops at its problem cap: 500,000 bad steps against 200.
import path from 'node:path'
import {ROOT} from '../consumer.js'
import {type Figure, format} from '../figure.js'
import {TSX_IMPORT, nodeJson} from '../spawn.js'

const WORKER = path.join(ROOT, 'bench/workers/validate.ts')

/**
 * Time `validateGuide` on a guide with 500,000 bad steps, in a fresh process.
 *
 * @returns The figure: median milliseconds, against 200 bad steps.
 */
export function measureValidate(): Figure[] {
  const {hugeMs, smallMs, validMs} = nodeJson<{hugeMs: number; smallMs: number; validMs: number}>([...TSX_IMPORT, WORKER], ROOT)
  return [
    {
      name: '`validateGuide`, 500,000 bad steps (stops at 100 problems)',
      measured: `${format(hugeMs)} ms`,
      baseline: `${format(smallMs)} ms (200 bad steps); ${format(validMs)} ms (the valid guide)`,
      ratio: `${format(hugeMs / smallMs)}×`,
      goal: '≤ 50 ms',
      met: hugeMs <= 50,
    },
  ]
}
