// The build of a translated content folder, on fixture content this test
// owns: valid/ (the source) and valid-locale/ (its complete, current `es`
// translation), changed case by case. Never the shipped content.
// With the rules the build runs: spelling (dictionaries that take seconds
// to load) is test/spelling.test.ts's.
import {execFileSync} from 'node:child_process'
import {mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {type BuildResult, buildGuide, buildRules, diagnostics, emitDataModule, emitEntryModules, emitLocalesModule, emitRenderModule} from '../pipeline/index.js'
import {localeStatuses} from '../pipeline/lint/status.js'
import {snapshot} from '../pipeline/release/versioning.js'
import {itemHash} from '../pipeline/parse/units.js'
import {validateGuide} from '../src/validate.js'
import {FIXTURES, VALID_LOCALE, copyFixture} from './fixture-content.js'

const STEP_1 = 'locales/es/steps/01-ten-confianza.md'
const SOURCE_STEP_1 = 'steps/01-have-confidence.md'

const folders: string[] = []
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, {recursive: true, force: true})
})

/**
 * valid/ with its `es` translation, then each edit (a function of the file's
 * text) and removal; with `released`, the content as it was is first recorded
 * as release 1.0.0 in its manifest.
 */
async function build(edits: Readonly<Record<string, (text: string) => string>> = {}, remove: readonly string[] = [], released = false): Promise<BuildResult> {
  const directory = await mkdtemp(path.join(tmpdir(), 'ace-locales-'))
  folders.push(directory)
  await copyFixture(path.join(FIXTURES, 'valid'), directory)
  await copyFixture(VALID_LOCALE, directory)
  if (released) {
    const before = await buildGuide({contentDir: directory, version: '1.0.0', cwd: directory, rules: buildRules})
    const release = {version: '1.0.0', date: '2030-01-01', ...snapshot(before.guide!, before.replaces, before.locales)}
    await writeFile(path.join(directory, 'manifest.json'), `${JSON.stringify({releases: [release]}, null, 2)}\n`)
  }
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(directory, file)
    await writeFile(target, edit(await readFile(target, 'utf8')))
  }
  for (const file of remove) await rm(path.join(directory, file), {recursive: true})
  return buildGuide({contentDir: directory, version: '1.2.3', cwd: directory, rules: buildRules})
}

const spanish = (result: BuildResult) => {
  const locale = result.locales.find((candidate) => candidate.tag === 'es')
  if (locale === undefined) throw new Error('no es build')
  return locale
}

describe('a translated content folder', () => {
  it('compiles every locale with the source\'s ids, numbers, rounds, versions and order', async () => {
    const result = await build()
    expect(diagnostics(result.files)).toEqual([])
    const source = result.guide!
    const {guide} = spanish(result)
    expect(guide.locale).toBe('es')
    expect(source.locale).toBe('en-GB')
    const shape = (g: typeof guide) => ({rounds: g.rounds, version: g.version, steps: g.steps.map((s) => ({id: s.id, number: s.number, since: s.since, items: s.checklist.map((i) => [i.id, i.stepId, i.stepNumber, i.rounds, i.since])}))})
    expect(shape(guide)).toEqual(shape(source))
    expect(guide.title).not.toBe(source.title)
    expect(validateGuide(guide)).toEqual([])
    expect(validateGuide(source)).toEqual([])
  })

  it('marks the source as `source` and a current translation as `current`, each in its own locale', async () => {
    const result = await build()
    const units = (g: NonNullable<BuildResult['guide']>) => [g.introduction, ...g.steps, ...g.steps.flatMap((step) => step.checklist)]
    expect(new Set(units(result.guide!).map((unit) => `${unit.locale} ${unit.translation}`))).toEqual(new Set(['en-GB source']))
    expect(new Set(units(spanish(result).guide).map((unit) => `${unit.locale} ${unit.translation}`))).toEqual(new Set(['es current']))
  })

  it('spells a checklist item\'s first-round text with the locale\'s grammar and form', async () => {
    const {guide} = spanish(await build())
    const item = guide.steps[0]!.checklist.find((candidate) => candidate.template.includes('{previous:f}'))!
    // Round 2 is the guide's first: its previous round is the first, «primera» before a feminine noun.
    expect(item.text).toBe(item.template.replace('{previous:f}', 'primera'))
  })

  const fallbacks = [
    {name: 'a step file not translated', remove: ['locales/es/steps/03-da-ejemplos-concretos.md'], edits: {}, step: 3, item: undefined},
    {name: 'an item not translated', remove: [], edits: {[STEP_1]: (text: string) => text.replace(/^.*check-confidence-not-arrogance.*\n/m, '')}, step: undefined, item: 'check-confidence-not-arrogance'},
  ] as const
  it.each(fallbacks)('ships the source\'s text, at the source\'s position, for $name (a warning, not an error)', async ({remove, edits, step, item}) => {
    const result = await build(edits, remove)
    expect(result.guide).toBeDefined()
    expect(diagnostics(result.files).map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['translation-missing warning'])
    const {guide} = spanish(result)
    const source = result.guide!
    if (step !== undefined) {
      const index = step - 1
      expect(guide.steps[index]).toMatchObject({locale: 'en-GB', translation: 'fallback', title: source.steps[index]!.title, body: source.steps[index]!.body})
      expect(guide.steps[index]!.checklist.every((entry) => entry.translation === 'fallback' && entry.locale === 'en-GB')).toBe(true)
    }
    if (item !== undefined) {
      const at = (g: typeof guide) => g.steps.flatMap((s) => s.checklist).findIndex((entry) => entry.id === item)
      expect(at(guide)).toBe(at(source))
      const shipped = guide.steps.flatMap((s) => s.checklist)[at(guide)]!
      const original = source.steps.flatMap((s) => s.checklist)[at(source)]!
      expect(shipped).toMatchObject({locale: 'en-GB', translation: 'fallback', text: original.text, template: original.template})
    }
    expect(validateGuide(guide)).toEqual([])
  })

  it('marks a translation outdated when the source changed since it was marked current, naming the change', async () => {
    const result = await build({[SOURCE_STEP_1]: (text) => text.replace('Check that the way you plan', 'Make sure the way you plan')})
    expect(result.guide).toBeDefined()
    const found = diagnostics(result.files)
    expect(found).toEqual([
      expect.objectContaining({file: STEP_1, ruleId: 'translation-outdated', severity: 'warning', reason: expect.stringMatching(/`check-confidence-not-arrogance`.*steps\/01-have-confidence\.md:\d+:\d+\): "\[-Check that-\]\{\+Make sure\+\} the way you plan/)}),
    ])
    const item = spanish(result).guide.steps[0]!.checklist.find((entry) => entry.id === 'check-confidence-not-arrogance')
    expect(item).toMatchObject({locale: 'es', translation: 'outdated'})
  })

  it('names the hash and `git log -p` for a record written before it kept the source words', async () => {
    const result = await build({
      [SOURCE_STEP_1]: (text) => text.replace('Carry that into this round', 'Bring that into this round'),
      'locales/es/translation.json': (text) => {
        const record = JSON.parse(text) as {steps: Record<string, {hash: string; version: string}>}
        const {hash, version} = record.steps['have-confidence']!
        record.steps['have-confidence'] = {hash, version}
        return JSON.stringify(record)
      },
    })
    const [found, ...rest] = diagnostics(result.files)
    expect(rest).toEqual([])
    expect(found).toMatchObject({ruleId: 'translation-outdated', reason: expect.stringMatching(/step `have-confidence`.*\(translated from an unreleased source, hash [0-9a-f]{12}; the source is at [^)]*\)$/), tip: expect.stringContaining('`git log -p steps/01-have-confidence.md`')})
  })

  it('clips and escapes the recorded text it quotes, however long', async () => {
    const hostile = `\u001b]52;c;SGk=\u0007\u202e${'a'.repeat(3e6)}`
    const result = await build({
      [SOURCE_STEP_1]: (text) => text.replace('Check that the way you plan', 'Make sure the way you plan'),
      'locales/es/translation.json': (text) => {
        const record = JSON.parse(text) as {items: Record<string, {text?: string; hash: string}>}
        // A valid record (its hash is the text's) whose text is hostile.
        record.items['check-confidence-not-arrogance'] = {...record.items['check-confidence-not-arrogance']!, text: hostile, hash: itemHash(hostile)}
        return JSON.stringify(record)
      },
    })
    const [found] = diagnostics(result.files)
    expect(found).toMatchObject({ruleId: 'translation-outdated', reason: expect.stringContaining('"[-\\u001b]52;c;SGk=\\u0007\\u202e')})
    expect(found!.reason.length).toBeLessThan(1000)
  })

  it('counts current, outdated and missing steps and items per locale', async () => {
    const result = await build({[SOURCE_STEP_1]: (text) => text.replace('Check that the way you plan', 'Make sure the way you plan')}, ['locales/es/steps/03-da-ejemplos-concretos.md'])
    const [source, es] = localeStatuses(result.lint)
    const steps = result.guide!.steps.length
    const items = result.guide!.steps.flatMap((step) => step.checklist).length
    const missingItems = result.guide!.steps[2]!.checklist.length
    const third = result.guide!.steps[2]!
    expect(source).toEqual({locale: 'en-GB', source: true, introduction: 'source', steps: {total: steps, current: steps, outdated: 0, missing: 0}, items: {total: items, current: items, outdated: 0, missing: 0}, outdatedIds: [], missingIds: []})
    expect(es).toEqual({
      locale: 'es',
      source: false,
      introduction: 'current',
      steps: {total: steps, current: steps - 1, outdated: 0, missing: 1},
      items: {total: items, current: items - missingItems - 1, outdated: 1, missing: missingItems},
      outdatedIds: ['check-confidence-not-arrogance'],
      missingIds: [third.id, ...third.checklist.map((item) => item.id)],
    })
  })

  it('builds render data per locale: the translation\'s trees, the source\'s for a fallback, placeholders with their form', async () => {
    const result = await build({}, ['locales/es/steps/03-da-ejemplos-concretos.md'])
    const {render, guide} = spanish(result)
    expect(Object.keys(render.items)).toEqual(Object.keys(result.render!.items))
    expect(render.steps[2]).toEqual(result.render!.steps[2])
    expect(render.introduction.text).not.toBe(result.render!.introduction.text)
    const formed = guide.steps[0]!.checklist.find((entry) => entry.template.includes('{previous:f}'))!
    expect(render.items[formed.id]!.html).toContain('previous:f')
  })

  it('reads a translation\'s `checklist:` heading as its own convention, not an error', async () => {
    const result = await build()
    const heading = (await readFile(path.join(VALID_LOCALE, 'locales/es/guide.md'), 'utf8')).match(/^checklist: (.+)$/m)?.[1]
    expect(heading).toBeDefined()
    expect(heading).not.toBe('Checklist')
    expect(diagnostics(result.files)).toEqual([])
  })

  it("judges the steps against the translation's `checklist:` heading while its guide.md has an error that stops it being parsed", async () => {
    // A right-to-left override in the title: the guide fails control-characters, its front matter is still readable.
    const result = await build({'locales/es/guide.md': (text) => text.replace(/^# /m, '# \u202e')})
    expect(diagnostics(result.files).map((found) => `${found.file}: ${found.ruleId}`)).toEqual(['locales/es/guide.md: control-characters'])
  })

  const lagging = [
    {name: 'an item the source removed', edits: {[SOURCE_STEP_1]: (text: string) => text.replace(/^.*\{#check-confidence-not-arrogance .*\n/m, '')}, reasons: [/`check-confidence-not-arrogance`, an item the source removed after release 1\.0\.0/]},
    {name: 'an item the source renamed', edits: {[SOURCE_STEP_1]: (text: string) => text.replace('{#write-earned-chance-note rounds=2+}', '{#write-earned-chance-line rounds=2+ replaces=write-earned-chance-note}')}, reasons: [/renamed to `write-earned-chance-line` after release 1\.0\.0/]},
    {name: 'an item whose rounds the source changed', edits: {[SOURCE_STEP_1]: (text: string) => text.replace('{#write-earned-chance-note rounds=2+}', '{#write-earned-chance-note rounds=3+}')}, reasons: [/Expected `rounds=3\+` on item `write-earned-chance-note`.*found `rounds=2\+`; the source changed it after release 1\.0\.0/]},
    {
      name: 'an item the source moved to another step',
      edits: {
        [SOURCE_STEP_1]: (text: string) => text.replace(/^.*\{#check-confidence-not-arrogance .*\n/m, ''),
        'steps/02-make-a-plan.md': (text: string) => `${text.trimEnd()}\n- [ ] Check that you sound confident, not arrogant. {#check-confidence-not-arrogance rounds=2+}\n`,
      },
      reasons: [/Expected item `check-confidence-not-arrogance` in step `make-a-plan`.*found it in step `have-confidence`; the source changed it after release 1\.0\.0/],
    },
  ] as const
  it.each(lagging)('warns, and still builds, when a translation lags behind $name (a release the policy allows)', async ({edits, reasons}) => {
    const result = await build(edits, [], true)
    const found = diagnostics(result.files)
    expect(found.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(reasons.map(() => 'translation-parity warning'))
    found.forEach((d, index) => expect(d.reason).toMatch(reasons[index]!))
    expect(result.guide).toBeDefined()
    const {guide} = spanish(result)
    const ids = (g: typeof guide) => g.steps.map((step) => [step.id, step.checklist.map((item) => [item.id, item.rounds])])
    expect(ids(guide)).toEqual(ids(result.guide!))
    expect(validateGuide(guide)).toEqual([])
  })

  it('is an error, not a lag, for an id no release of the source ever had', async () => {
    const result = await build({[STEP_1]: (text) => text.replace('{#write-earned-chance-note ', '{#write-earned-chance-notes ')}, [], true)
    expect(diagnostics(result.files).map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['translation-parity error'])
    expect(result.guide).toBeUndefined()
  })

  it('writes the generated modules for a translation: LOCALES source first, the data typed by the source\'s ids, its entries bound to its data and ordinals', async () => {
    const result = await build()
    const tags = result.locales.map((locale) => locale.tag)
    const locales = emitLocalesModule(result.guide!.locale, tags)
    expect(locales.split('\n')[0]).toMatch(/GENERATED FILE: do not edit by hand/)
    expect(locales).toContain('export const LOCALES = ["en-GB","es"] as const')
    expect(locales).toContain('export const SOURCE_LOCALE = "en-GB"')
    const data = emitDataModule(spanish(result).guide, result.ordinals)
    // The ids are the source's (src/generated/ids.ts), not redeclared per locale.
    expect(data).not.toMatch(/\bStepId\b/)
    expect(data).toContain("import type {CompactGuide} from '../../../expand.js'")
    expect(emitRenderModule(spanish(result).render)).toContain("import type {ShippedRenderData} from '../../../render/types.js'")
    const entries = emitEntryModules(result.guide!.locale, tags, result.ordinals)
    expect(Object.keys(entries).sort()).toEqual(['import-content.ts', 'import-locale.ts', 'locales/en-GB/index.ts', 'locales/en-GB/ordinals.ts', 'locales/en-GB/render.ts', 'locales/es/index.ts', 'locales/es/ordinals.ts', 'locales/es/render.ts', 'source-render.ts', 'source.ts'])
    expect(entries['locales/es/index.ts']).toContain("import {ORDINALS} from './ordinals.js'\nimport {ORDINALS as SOURCE_ORDINALS} from '../en-GB/ordinals.js'")
    // The locale's ordinals are its guide.md's, as data.
    expect(entries['locales/es/ordinals.ts']).toContain(`export const ORDINALS: Ordinals = ${JSON.stringify(result.ordinals['es'], null, 2)}`)
    expect(entries['source.ts']).toContain("export * from './locales/en-GB/index.js'")
    // Each locale is imported on demand, the source's as any other.
    for (const tag of ['en-GB', 'es']) {
      expect(entries['import-locale.ts']).toContain(`return import('./locales/${tag}/index.js')`)
      expect(entries['import-content.ts']).toContain(`return import('./locales/${tag}/render.js')`)
    }
  })

  const refused = [
    {name: 'a locale folder that is a symbolic link', change: async (dir: string) => {
      await rm(path.join(dir, 'locales/es'), {recursive: true})
      await symlink(path.join(VALID_LOCALE, 'locales/es'), path.join(dir, 'locales/es'), 'dir')
    }, found: {file: 'locales/es', ruleId: 'content-files', reason: 'Expected a folder named for a locale at `locales/es`, found a symbolic link; put the file itself here instead of a link to it'}},
    {name: 'a named pipe in a locale\'s steps', change: async (dir: string) => {
      execFileSync('mkfifo', [path.join(dir, 'locales/es/steps/07-pipe.md')])
    }, found: {file: 'locales/es/steps/07-pipe.md', ruleId: 'content-files', reason: 'Expected a regular file at `locales/es/steps/07-pipe.md`, found a named pipe (FIFO)'}},
    {name: 'a translation.json that is not JSON', change: async (dir: string) => {
      await writeFile(path.join(dir, 'locales/es/translation.json'), '{"locale": "es",')
    }, found: {file: 'locales/es/translation.json', ruleId: 'translation-record', reason: expect.stringMatching(/^Expected translation\.json to be JSON, found a syntax error/)}},
    {name: 'a translation.json for another locale', change: async (dir: string) => {
      await writeFile(path.join(dir, 'locales/es/translation.json'), '{"locale": "fr", "steps": {}, "items": {}}')
    }, found: {file: 'locales/es/translation.json', ruleId: 'translation-record', reason: 'Expected `"locale": "es"` (the folder\'s name) in translation.json, found "fr"'}},
    // Issue 22, item 7: a value quoted from translation.json is clipped and escaped, however long.
    ...[
      {name: 'a 3 MB locale', record: {locale: `e\u202e${'s'.repeat(3e6)}`, steps: {}, items: {}}},
      {name: 'a 3 MB key', record: {locale: 'es', [`x${'s'.repeat(3e6)}`]: 1, steps: {}, items: {}}},
      {name: 'a 3 MB id', record: {locale: 'es', steps: {[`X${'s'.repeat(3e6)}`]: {}}, items: {}}},
      {name: 'a 3 MB key in a unit', record: {locale: 'es', steps: {}, items: {a: {hash: '000000000000', version: 'unreleased', [`x${'s'.repeat(3e6)}`]: 1}}}},
    ].map(({name, record}) => ({name: `a translation.json with ${name}`, change: async (dir: string) => {
      await writeFile(path.join(dir, 'locales/es/translation.json'), JSON.stringify(record))
    }, found: {file: 'locales/es/translation.json', ruleId: 'translation-record', reason: expect.stringMatching(/^Expected [^\u202e]{1,300}$/)}})),
  ] as const
  it.each(refused)('refuses $name at its path, never reading through it', async ({change, found}) => {
    const directory = await mkdtemp(path.join(tmpdir(), 'ace-locales-'))
    folders.push(directory)
    await copyFixture(path.join(FIXTURES, 'valid'), directory)
    await copyFixture(VALID_LOCALE, directory)
    await change(directory)
    const result = await buildGuide({contentDir: directory, version: '1.0.0', cwd: directory, rules: buildRules})
    expect(result.guide).toBeUndefined()
    expect(diagnostics(result.files).filter((d) => d.severity === 'error')).toEqual([expect.objectContaining({...found, line: 1, column: 1})])
  })
})
