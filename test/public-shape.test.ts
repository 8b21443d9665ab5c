// The generated data is shipped compact and expanded at load (src/expand.ts):
// every public object must come out exactly as the build compiled it. The
// reference is each locale's guide.json, which scripts/build.ts writes from
// the compiled guide itself (not from the runtime), in every locale's ESM and
// CJS entry. Expectations come from guide.json and the content's ordinals,
// never from today's wording.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import * as source from '../src/index.js'
import type {ChecklistItem, Guide, LocaleModule, Round, StepNumber} from '../src/index.js'
import {ROOT, require} from './helpers.js'
import {expectedText} from './ordinal-tables.js'

type Api = LocaleModule

const SOURCE = source.locales[0]!
const dist = (...parts: string[]): string => path.join(ROOT, 'dist', ...parts)
const folderOf = (tag: string): string[] => (tag === SOURCE ? [] : ['locales', tag])

// Every entry that exports a locale's guide: the source's is the main entry,
// its locale entry and src/ itself.
function entriesOf(tag: string): Array<[string, () => Promise<Api>]> {
  const folder = folderOf(tag)
  const entries: Array<[string, () => Promise<Api>]> = [
    [`${[...folder, 'index.js'].join('/')} (import)`, async () => (await import(pathToFileURL(dist(...folder, 'index.js')).href)) as Api],
    [`${[...folder, 'index.cjs'].join('/')} (require)`, async () => require(dist(...folder, 'index.cjs')) as Api],
  ]
  if (tag === SOURCE) {
    entries.push(
      [`locales/${tag}/index.js (import)`, async () => (await import(pathToFileURL(dist('locales', tag, 'index.js')).href)) as Api],
      ['src/index.ts', async () => source],
    )
  }
  return entries
}

const reference = async (tag: string): Promise<Guide> => JSON.parse(await readFile(dist('locales', tag, 'guide.json'), 'utf8')) as Guide

// What checklistForRound(round) must return, from guide.json alone: the items
// whose rounds cover it, their text filled for it as the content spells it
// in the item's own locale (a fallback item is spelt in the source's).
function expectedChecklist(guide: Guide, round: Round): ChecklistItem[] {
  return guide.steps
    .flatMap((step) => step.checklist)
    .filter((item) => round >= item.rounds.from && (item.rounds.to === null || round <= item.rounds.to))
    .map((item) => ({...item, text: expectedText(item.template, round, item.locale)}))
}

describe.each(source.locales)('the public objects of %s are exactly its guide.json', (tag) => {
  describe.each(entriesOf(tag))('%s', (_name, load) => {
    it('guide: every field, in the same key order', async () => {
      const [api, expected] = await Promise.all([load(), reference(tag)])
      expect(api.guide).toStrictEqual(expected)
      expect(JSON.stringify(api.guide)).toBe(JSON.stringify(expected))
    })

    it('every step (getStep, getStepById, listSteps) and every item', async () => {
      const [api, expected] = await Promise.all([load(), reference(tag)])
      expect(api.listSteps()).toHaveLength(expected.steps.length)
      for (const [index, step] of expected.steps.entries()) {
        const number = (index + 1) as StepNumber
        expect(api.getStep(number)).toStrictEqual(step)
        expect(api.getStepById(step.id)).toBe(api.getStep(number))
        for (const [at, item] of step.checklist.entries()) {
          expect(JSON.stringify(api.getStep(number).checklist[at])).toBe(JSON.stringify(item))
        }
      }
    })

    it('checklistForRound for the first rounds and a far one', async () => {
      const [api, expected] = await Promise.all([load(), reference(tag)])
      const first = expected.rounds.from
      for (const round of [first, first + 1, first + 2, first + 3, first + 18, first + 98]) {
        if (expected.rounds.to !== null && round > expected.rounds.to) continue
        expect(api.checklistForRound(round), `round ${round}`).toStrictEqual(expectedChecklist(expected, round))
      }
    })

    it('is deeply frozen', async () => {
      const api = await load()
      const unfrozen: string[] = []
      const visit = (value: unknown, at: string): void => {
        if (typeof value !== 'object' || value === null) return
        if (!Object.isFrozen(value)) unfrozen.push(at)
        for (const [key, inner] of Object.entries(value)) visit(inner, `${at}.${key}`)
      }
      visit(api.guide, 'guide')
      expect(unfrozen).toEqual([])
    })
  })
})
