// The last lines `npm test` prints: skipped tests with their reasons, then the counts.
import {describe, expect, it} from 'vitest'
import {type Outcome, verdict} from './setup/verdict.js'

describe('verdict', () => {
  it.each<{outcomes: Outcome[]; lines: string[]}>([
    {outcomes: [], lines: ['0 passed, 0 failed']},
    {outcomes: [{name: 'a', state: 'passed'}, {name: 'b', state: 'failed'}, {name: 'c', state: 'passed'}], lines: ['2 passed, 1 failed']},
    {
      outcomes: [{name: 'a', state: 'passed'}, {name: 'b', state: 'skipped', note: 'no Chromium at /usr/bin/chromium'}, {name: 'c', state: 'skipped'}],
      lines: ['skipped: b (no Chromium at /usr/bin/chromium)', 'skipped: c (no reason given)', '1 passed, 0 failed, 2 skipped'],
    },
  ])('$lines.length line(s), the counts last', ({outcomes, lines}) => {
    expect(verdict(outcomes)).toEqual(lines)
  })
})
