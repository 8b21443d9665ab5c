// The last lines `npm test` prints: skipped tests with their reasons, then the counts.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT} from './helpers.js'
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

describe('the npm scripts that run the suites', () => {
  it('cover every vitest project between them, each once: npm test all but package, releases and content (whose files main runs)', async () => {
    const {default: config} = await import('../vitest.config.js')
    const {scripts} = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {scripts: Record<string, string>}
    const projects = (script: string) => [...(scripts[script] ?? '').matchAll(/--project[= ](\S+)/g)].map((match) => match[1]!).sort()
    const names = (config.test?.projects as Array<{test: {name: string}}>).map(({test}) => test.name)
    expect(projects('test:package')).toEqual(['package'])
    expect(projects('test:releases')).toEqual(['releases'])
    expect(projects('test:content')).toEqual(['content'])
    expect(projects('test')).toEqual(names.filter((name) => !['package', 'releases', 'content'].includes(name)).sort())
  })
})
