import {mkdtemp, readFile, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildGuide, buildRules, diagnostics, rules} from '../pipeline/index.js'
import type {Rule} from '../pipeline/lint/rule.js'
import {FIXTURES, VALID_LOCALE, brokenFixtures, copyFixture, materialize, materializeWith, readExpectation} from './fixture-content.js'
import {ROOT} from './helpers.js'
import {missingReferences} from './tips.js'

const fixtures = await brokenFixtures()

async function lint(contentDir: string) {
  const result = await buildGuide({contentDir, version: '0.0.0', cwd: contentDir})
  const tips = result.files.flatMap((file) => file.messages.map((message) => message.note ?? ''))
  return {guide: result.guide, found: diagnostics(result.files), tips}
}

describe('lint rules', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s has a kebab-case id, a description and a fix tip', (_id, rule) => {
    expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
    expect(rule.description.trim()).not.toBe('')
    expect(rule.tip.trim()).not.toBe('')
  })

  it('are every rule in pipeline/lint/rules/ (a module there that is not in the list never runs)', async () => {
    const folder = path.join(ROOT, 'pipeline/lint/rules')
    const modules = (await readdir(folder)).filter((name) => name.endsWith('.ts') && !['index.ts', 'shared.ts'].includes(name))
    const defined: Rule[] = []
    for (const name of modules) {
      const exported = Object.values(await import(path.join(folder, name)) as Record<string, unknown>)
      const found = exported.filter((value): value is Rule => typeof value === 'object' && value !== null && 'check' in value && 'id' in value)
      expect(found, `${name} exports no rule`).not.toEqual([])
      defined.push(...found)
    }
    expect(defined.filter((rule) => !rules.includes(rule)).map((rule) => rule.id)).toEqual([])
  })

  it('have unique ids', () => {
    const ids = rules.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('have at least one broken fixture each, and every fixture folder is named for a rule', () => {
    const ids = rules.map((rule) => rule.id).sort()
    const covered = [...new Set(fixtures.map((fixture) => fixture.split('/')[0]))].sort()
    expect(covered).toEqual(ids)
  })

  it('find nothing in the valid fixture', async () => {
    const {guide, found} = await lint(path.join(FIXTURES, 'valid'))
    expect(found).toEqual([])
    expect(guide?.steps).toHaveLength(6)
  })

  it('find the same in the same content checked again in one process, as check --watch does', async () => {
    const first = await lint(path.join(FIXTURES, 'valid'))
    for (let run = 0; run < 2; run++) {
      const again = await lint(path.join(FIXTURES, 'valid'))
      expect(again.found).toEqual(first.found)
      expect(again.guide).toEqual(first.guide)
    }
  })

  it('find nothing in the valid fixture with its complete, current translation', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'ace-locale-'))
    try {
      await copyFixture(path.join(FIXTURES, 'valid'), directory)
      await copyFixture(VALID_LOCALE, directory)
      const {guide, found} = await lint(directory)
      expect(found).toEqual([])
      expect(guide?.steps).toHaveLength(6)
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })
})

describe.each(fixtures)('fixture %s', (fixture) => {
  it('reports exactly its rule\'s message at its line and column (an error fails the build, a warning does not)', async () => {
    const {delete: _deleted, locales: _locales, severity = 'error', ...expected} = await readExpectation(fixture)
    expect(expected.ruleId).toBe(fixture.split('/')[0])
    const directory = await materialize(fixture)
    try {
      const {guide, found, tips} = await lint(directory)
      if (severity === 'error') expect(guide).toBeUndefined()
      else expect(guide).toBeDefined()
      expect(found).toEqual([{...expected, fatal: severity === 'error', severity, tip: tips[0]}])
      // Its tip is there, and points only to documentation the package ships.
      expect(tips).toHaveLength(1)
      expect(tips[0]?.trim()).not.toBe('')
      expect(await missingReferences(tips[0] ?? '')).toEqual([])
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })
})

describe('front-matter-keys on a value of the wrong type', () => {
  it.each([
    ['front-matter-keys/guide-rounds', 'rounds'],
    ['front-matter-keys/wrong-type', 'step'],
    ['front-matter-keys/list-value', 'id'],
  ])('%s: the tip says how to write `%s`, not which keys every file has', async (fixture, key) => {
    const directory = await materialize(fixture)
    try {
      const {tips} = await lint(directory)
      expect(tips).toHaveLength(1)
      expect(tips[0]).toMatch(new RegExp(`^Write \`${key}:\` followed by `))
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })
})

describe("content/README.md's rule table", () => {
  it('lists every rule, in the order they run, with its own description', async () => {
    const readme = await readFile(path.join(ROOT, 'content/README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('\n## Rules'), readme.indexOf('\n## ', readme.indexOf('\n## Rules') + 1))
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => {
        const [, id, description] = /^\| `([^`]+)` \| (.*) \|$/.exec(line) ?? []
        return {id, description: description?.replaceAll('\\|', '|')}
      })
    expect(rows).toEqual(rules.map((rule) => ({id: rule.id, description: rule.description})))
  })
})

describe('step-count in each language with number words', () => {
  // The source may be written in any of them (`locale:`).
  it.each([
    {locale: 'en-US', said: 'Work through the seven simple steps', found: 'seven simple steps'},
    {locale: 'fr', said: 'Réussir en 7 étapes', found: '7 étapes'},
    {locale: 'fr', said: 'Suivez les sept étapes', found: 'sept étapes'},
    {locale: 'de', said: 'Geh die sieben Schritte durch', found: 'sieben Schritte'},
    {locale: 'de', said: 'In zwölf einfachen Schritten', found: 'zwölf einfachen Schritten'},
    {locale: 'es', said: 'Sigue los siete pasos', found: 'siete pasos'},
  ])('$locale: `$said`', async ({locale, said, found}) => {
    const guide = (await readFile(path.join(FIXTURES, 'valid/guide.md'), 'utf8')).replace('rounds: 2+', `rounds: 2+\nlocale: ${locale}`)
    const directory = await materializeWith({'guide.md': guide.replace('Work through the six steps below', said)})
    try {
      const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory, rules: buildRules})
      // Only this rule's: the English steps break other rules of other languages (German placeholders need forms).
      const own = diagnostics(result.files).filter((d) => d.ruleId === 'step-count').map((d) => d.reason)
      expect(own).toEqual([`Expected 6 steps, as the guide has, found \`${found}\``])
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })
})
