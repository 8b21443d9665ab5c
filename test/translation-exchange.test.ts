// `translation export` / `translation import` (exportTranslation and
// importTranslation of ace-second-interview/check, and the bin's command) on
// a repository this test owns: the valid fixture and its `es` translation,
// marked current by content:translated. Files must pass `msgfmt -c` and read
// cleanly in the Translate Toolkit (`pocount`, `xliff2po`), which Weblate and
// Pootle are built on.
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {exportTranslation, importTranslation, checkContent} from '../pipeline/check.js'
import {formatPo, parsePo} from '../pipeline/translate/po.js'
import type {ExchangeUnit} from '../pipeline/translate/units.js'
import {formatXliff, parseXliff} from '../pipeline/translate/xliff.js'
import {contentTranslated} from '../scripts/content-translated.js'
import {anyCodePoint} from './arbitraries.js'
import {bin, cli} from './bin.js'
import {FIXTURES, VALID_LOCALE, copyFixture} from './fixture-content.js'

const PLAN = 'content/steps/02-make-a-plan.md'
const PLAN_ES = 'content/locales/es/steps/02-haz-un-plan.md'
const RECORD = 'content/locales/es/translation.json'
const DATE = new Date('2030-01-02T03:04:05Z')

const roots: string[] = []
afterAll(async () => {
  for (const root of roots) await rm(root, {recursive: true, force: true})
})

let template: Promise<string> | undefined

/**
 * A repository: valid/ and its `es` translation as content/, every
 * translation marked current with today's records (a copy of one made once:
 * content:translated builds the content to mark it).
 */
async function makeRepository(): Promise<string> {
  template ??= (async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'ace-translation-exchange-'))
    roots.push(root)
    await copyFixture(path.join(FIXTURES, 'valid'), path.join(root, 'content'))
    await copyFixture(VALID_LOCALE, path.join(root, 'content'))
    await writeFile(path.join(root, 'package.json'), '{"name": "fixture", "version": "1.0.0"}\n')
    const quiet = {write: () => true}
    expect(await contentTranslated(['es', '--all', '--root', root], {stdout: quiet, stderr: quiet, root})).toBe(0)
    return root
  })()
  const root = await mkdtemp(path.join(tmpdir(), 'ace-translation-exchange-'))
  roots.push(root)
  await copyFixture(await template, root)
  return root
}

/** Every file under a folder, with its bytes. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const names = (await readdir(folder, {recursive: true, withFileTypes: true})).filter((entry) => entry.isFile())
  const files = await Promise.all(names.map(async (entry) => [path.relative(folder, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name), 'utf8')] as const))
  return Object.fromEntries(files.sort(([a], [b]) => a.localeCompare(b)))
}

const edit = async (root: string, file: string, from: string | RegExp, to: string): Promise<void> => {
  const text = await readFile(path.join(root, file), 'utf8')
  const next = text.replace(from, to)
  expect(next, `${String(from)} in ${file}`).not.toBe(text)
  await writeFile(path.join(root, file), next)
}

async function exported(root: string, format: 'po' | 'xliff' = 'po'): Promise<string> {
  const result = await exportTranslation('content', 'es', {cwd: root, format, date: DATE})
  expect(result.diagnostics).toEqual([])
  return result.text
}

async function imported(root: string, text: string, name = 'es.po') {
  await writeFile(path.join(root, name), text)
  return importTranslation(name, 'content', {cwd: root})
}

/** The PO entry of a unit: its lines from the first comment to the msgstr. */
function poEntry(po: string, id: string): string {
  return po.split('\n\n').find((block) => block.includes(`msgctxt "${id}"\n`)) ?? ''
}

/** Errors and warnings of the content folder. */
const verdict = async (root: string) => (await checkContent('content', {cwd: root})).diagnostics.filter((d) => d.ruleId !== 'spelling')

type Run = (args: readonly string[], cwd: string) => {status: number | null; stdout: string; stderr: string}
// A tool from Debian's gettext or translate-toolkit. Missing, the test is
// skipped saying why, or fails under CI (.ci/run installs them).
function tool(name: string, skip: (note?: string) => never): Run {
  if (existsSync(`/usr/bin/${name}`)) return (args, cwd) => spawnSync(name, [...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  const ci = process.env['CI'] ?? ''
  const install = 'apt-get install -y gettext translate-toolkit'
  if (ci !== '' && ci !== 'false' && ci !== '0') throw new Error(`CI is set but there is no /usr/bin/${name}: .ci/run must ${install}`)
  return skip(`SKIPPED: no /usr/bin/${name}; install it with \`${install}\` (under CI the test fails instead)`)
}

describe('translation export', () => {
  it('writes every unit of the locale once, under its stable id, translated and current, as PO that msgfmt -c accepts', async ({skip}) => {
    const root = await makeRepository()
    const po = await exported(root)
    const ids = [...po.matchAll(/^msgctxt "([^"]+)"$/gm)].map((match) => match[1])
    expect(new Set(ids).size).toBe(ids.length)
    // The introduction, each step's title, summary and paragraphs, each item by its own id.
    const source = await readFile(path.join(root, PLAN), 'utf8')
    const paragraphs = source.split('\n---\n')[1]!.split('## Checklist')[0]!.trim().split('\n\n').length - 1
    expect(ids).toEqual(expect.arrayContaining(['introduction.title', 'introduction.paragraph-1', 'make-a-plan.title', 'make-a-plan.summary', `make-a-plan.paragraph-${paragraphs}`, 'note-best-answer']))
    expect(ids).not.toContain(`make-a-plan.paragraph-${paragraphs + 1}`)
    expect(po).not.toMatch(/^#, fuzzy/m)
    expect(po).not.toMatch(/^msgstr ""\n\n/m)
    // Source file and line, the step, and what a placeholder is and how Spanish writes it.
    const entry = poEntry(po, 'note-best-answer')
    expect(entry).toMatch(/^#: content\/steps\/02-make-a-plan\.md:\d+$/m)
    expect(entry).toMatch(/^#\. Step 2, "Make a plan": checklist item 1 of \d/m)
    expect(entry).toMatch(/^#\. \{previous\}: the round before .* In es it needs a form: \{previous:f\} "primera", \{previous:m\} "primer" for round 2\.$/m)
    expect(entry).toContain('msgid "From memory, write down the answer from your {previous} interview that landed best."')
    expect(entry).toContain('msgstr "De memoria, anota la respuesta de tu {previous:f} entrevista que mejor funcionó."')
    await writeFile(path.join(root, 'es.po'), po)
    expect(tool('msgfmt', skip)(['-c', '-o', '/dev/null', 'es.po'], root)).toMatchObject({status: 0, stderr: ''})
  })

  it('marks an outdated unit fuzzy with what the source said when it was translated, and a missing one empty; msgfmt -c and pocount read it', async ({skip}) => {
    const root = await makeRepository()
    await edit(root, PLAN, 'This interview digs deeper', 'This interview goes deeper')
    await edit(root, PLAN, 'that was weakest', 'that went worst')
    await edit(root, PLAN_ES, /^.*\{#note-focus-topics .*\n/m, '')
    const po = await exported(root)
    const paragraph = poEntry(po, 'make-a-plan.paragraph-1')
    expect(paragraph).toMatch(/^#, fuzzy\n#\| msgid "This interview digs deeper .*"\nmsgctxt "make-a-plan.paragraph-1"\nmsgid "This interview goes deeper/m)
    // The step is outdated, but only the paragraph that changed asks for review.
    expect(poEntry(po, 'make-a-plan.paragraph-2')).not.toContain('fuzzy')
    expect(poEntry(po, 'make-a-plan.title')).not.toContain('fuzzy')
    expect(poEntry(po, 'note-weakest-answer')).toMatch(/#, fuzzy\n#\| msgid ".*that was weakest\."\n/)
    expect(poEntry(po, 'note-focus-topics')).toMatch(/\nmsgstr ""$/)
    expect(poEntry(po, 'note-focus-topics')).not.toContain('fuzzy')
    await writeFile(path.join(root, 'es.po'), po)
    expect(tool('msgfmt', skip)(['-c', '-o', '/dev/null', 'es.po'], root)).toMatchObject({status: 0, stderr: ''})
    const counted = tool('pocount', skip)(['--csv', 'es.po'], root)
    expect(counted).toMatchObject({status: 0, stderr: ''})
    // Filename, Translated Messages, … Words, … Words, Fuzzy Messages, … Words, Untranslated Messages: 2 fuzzy, 1 untranslated.
    const [, translated, , , fuzzy, , untranslated] = counted.stdout.trim().split('\n').at(-1)!.split(',')
    expect([Number(fuzzy), Number(untranslated)]).toEqual([2, 1])
    expect(Number(translated)).toBe([...po.matchAll(/^msgctxt /gm)].length - 3)
  })

  it('writes XLIFF 1.2 with states, places, notes and the previous source, which xliff2po converts cleanly', async ({skip}) => {
    const root = await makeRepository()
    await edit(root, PLAN, 'that was weakest', 'that went worst')
    const xliff = await exported(root, 'xliff')
    expect(xliff).toMatch(/<xliff version="1\.2" xmlns="urn:oasis:names:tc:xliff:document:1\.2">/)
    expect(xliff).toMatch(/target-language="es"/)
    const unit = /<trans-unit id="note-weakest-answer"[^]*?<\/trans-unit>/.exec(xliff)?.[0] ?? ''
    expect(unit).toContain('<target state="needs-review-translation">Anota la respuesta de tu {previous:f} entrevista que fue más floja.</target>')
    expect(unit).toMatch(/<alt-trans alttranstype="previous-version"><source>Write down the answer from your \{previous\} interview that was weakest\.<\/source>/)
    expect(unit).toMatch(/<context context-type="sourcefile">content\/steps\/02-make-a-plan\.md<\/context><context context-type="linenumber">\d+<\/context>/)
    expect(/<trans-unit id="note-best-answer"[^>]*approved="yes"[^>]*>[^]*?<target state="translated">/.test(xliff)).toBe(true)
    await writeFile(path.join(root, 'es.xlf'), xliff)
    expect(tool('xliff2po', skip)(['es.xlf', 'from-xliff.po'], root).status).toBe(0)
    const po = await readFile(path.join(root, 'from-xliff.po'), 'utf8')
    // Every unit, the one outdated fuzzy (the header, as xliff2po writes it, is fuzzy too).
    expect([...po.matchAll(/^msgid "(?!")|^msgid ""\n"/gm)].length).toBe([...xliff.matchAll(/<trans-unit /g)].length)
    expect([...po.matchAll(/^#, fuzzy/gm)].length).toBe(2)
    expect(tool('pocount', skip)(['es.xlf'], root)).toMatchObject({status: 0, stderr: ''})
  })
})

describe('translation import', () => {
  it.each(['po', 'xliff'] as const)('changes no file when a %s file is exported and imported without an edit', async (format) => {
    const root = await makeRepository()
    await edit(root, PLAN, 'that was weakest', 'that went worst')
    await edit(root, PLAN_ES, /^.*\{#note-focus-topics .*\n/m, '')
    const before = await snapshot(path.join(root, 'content'))
    const result = await imported(root, await exported(root, format), `es.${format}`)
    expect(result).toMatchObject({ok: true, locale: 'es', written: [], marked: [], unmarked: [], stale: []})
    expect(await snapshot(path.join(root, 'content'))).toEqual(before)
  })

  it.each(['po', 'xliff'] as const)('changes no file when a %s file is imported without an edit after the source changed an item\'s placeholders, and refuses that item once marked reviewed', async (format) => {
    const root = await makeRepository()
    // A rewording the policy allows (a patch): the translation is outdated, and its placeholders are the old ones.
    await edit(root, PLAN, 'Write down the answer from your {previous} interview that was weakest.', 'Before your {round} interview, write down the answer from the last one that was weakest.')
    const before = await snapshot(path.join(root, 'content'))
    const file = await exported(root, format)
    expect(await imported(root, file, `es.${format}`)).toMatchObject({ok: true, written: [], marked: [], unmarked: [], stale: []})
    expect(await snapshot(path.join(root, 'content'))).toEqual(before)
    // Flagged as reviewed with the old placeholders, it is refused at its line.
    const reviewed = format === 'po' ? file.replace(/#, fuzzy\n#\| msgid ".*"\n(msgctxt "note-weakest-answer")/, '$1') : file.replace(/(<trans-unit id="note-weakest-answer"[^>]*) approved="no"([^]*?)state="needs-review-translation"/, '$1 approved="yes"$2state="translated"')
    expect(reviewed).not.toBe(file)
    const refused = await imported(root, reviewed, `es.${format}`)
    expect(refused.ok).toBe(false)
    expect(refused.diagnostics.map((d) => d.reason)).toEqual(['Expected the placeholders of the source in "note-weakest-answer" ({round}), found {previous:f}'])
  })

  it('writes edited units back into the markdown (a summary as YAML), and marks reviewed units current', async () => {
    const root = await makeRepository()
    await edit(root, PLAN, 'that was weakest', 'that went worst')
    expect((await verdict(root)).map((d) => d.ruleId)).toEqual(['translation-outdated'])
    let po = await exported(root)
    // The reviewer rewords the item, clears its flag, and edits a summary to hold `: `.
    po = po.replace(/#, fuzzy\n#\| msgid ".*"\n(msgctxt "note-weakest-answer"\nmsgid ".*"\n)msgstr ".*"/, '$1msgstr "Anota la respuesta de tu {previous:f} entrevista que peor salió."')
    po = po.replace(/(msgctxt "make-a-plan.summary"\nmsgid ".*"\nmsgstr ")[^"]*"/, '$1Repasa la última ronda: decide qué punto fuerte vas a poner por delante."')
    const result = await imported(root, po)
    expect(result).toMatchObject({ok: true, written: [PLAN_ES, RECORD], marked: ['note-weakest-answer'], stale: []})
    const step = await readFile(path.join(root, PLAN_ES), 'utf8')
    expect(step).toContain('- [ ] Anota la respuesta de tu {previous:f} entrevista que peor salió. {#note-weakest-answer rounds=2+}\n')
    expect(step).toContain('summary: "Repasa la última ronda: decide qué punto fuerte vas a poner por delante."\n')
    expect(await verdict(root)).toEqual([])
    // Exported again, the units read as imported.
    const again = await exported(root)
    expect(poEntry(again, 'make-a-plan.summary')).toContain('msgstr "Repasa la última ronda: decide qué punto fuerte vas a poner por delante."')
    expect(again).not.toMatch(/^#, fuzzy/m)
  })

  it('writes into a content folder given as a symbolic link to it, as check reads one', async () => {
    const root = await makeRepository()
    await symlink('content', path.join(root, 'linked'))
    const po = (await exported(root)).replace(/(msgctxt "make-a-plan.summary"\nmsgid ".*"\nmsgstr ")[^"]*"/, '$1Repasa la última ronda."')
    await writeFile(path.join(root, 'es.po'), po)
    const result = await importTranslation('es.po', 'linked', {cwd: root})
    expect(result).toMatchObject({ok: true, written: [PLAN_ES.replace('content/', 'linked/')]})
    expect(await readFile(path.join(root, PLAN_ES), 'utf8')).toContain('summary: Repasa la última ronda.\n')
  })

  it("exports guide.md's labels as units and writes an edited one back as YAML", async () => {
    const root = await makeRepository()
    let po = await exported(root)
    expect(poEntry(po, 'introduction.round-heading')).toMatch(/^#\. \{round\}: the round the checklist is shown for, .* In es it needs a form: \{round:f\} "segunda", \{round:m\} "segundo" for round 2\.$/m)
    expect(poEntry(po, 'introduction.step-heading')).toContain('msgid "Step {step} of {steps}: {title}"\nmsgstr "Paso {step} de {steps}: {title}"')
    po = po.replace('msgstr "Paso {step} de {steps}: {title}"', 'msgstr "{title} (paso {step} de {steps})"')
    po = po.replace('msgstr "Lista de comprobación para tu {round:f} entrevista"', 'msgstr "Para tu {round:f} entrevista"')
    expect(await imported(root, po)).toMatchObject({ok: true, written: ['content/locales/es/guide.md'], marked: []})
    const guide = await readFile(path.join(root, 'content/locales/es/guide.md'), 'utf8')
    expect(guide).toContain('step-heading: "{title} (paso {step} de {steps})"\n')
    expect(guide).toContain('round-heading: Para tu {round:f} entrevista\n')
    expect(await verdict(root)).toEqual([])
  })

  it('exports a step still in the source\'s words (copied to be translated) as missing, and writes its translation in place', async () => {
    const root = await makeRepository()
    const stepFile = (await readdir(path.join(root, 'content/locales/es/steps'))).find((name) => name.startsWith('02-'))!
    const translation = await readFile(path.join(root, 'content/locales/es/steps', stepFile), 'utf8')
    const copy = (await readFile(path.join(root, PLAN), 'utf8')).replace('## Checklist', '## Lista de comprobación')
    await writeFile(path.join(root, 'content/locales/es/steps', stepFile), copy)
    const po = await exported(root)
    expect(poEntry(po, 'make-a-plan.title')).toMatch(/\nmsgstr ""$/)
    expect(poEntry(po, 'note-best-answer')).toMatch(/\nmsgstr ""$/)
    expect(po).not.toMatch(/^#, fuzzy/m)
    // The translator fills in every entry of the step with what the translation said.
    const said = new Map([['make-a-plan.title', /^# (.*)$/m.exec(translation)![1]!], ['make-a-plan.summary', /^summary: (.*)$/m.exec(translation)![1]!]])
    translation.split('\n---\n')[1]!.split('\n## ')[0]!.trim().split('\n\n').slice(1).forEach((paragraph, index) => said.set(`make-a-plan.paragraph-${index + 1}`, paragraph))
    for (const match of translation.matchAll(/^- \[ \] (.*) \{#([a-z-]+) rounds=.*\}$/gm)) said.set(match[2]!, match[1]!)
    const filled = po.replace(/msgctxt "([^"]+)"\nmsgid (.*)\nmsgstr ""/g, (whole, id: string, msgid: string) => (said.has(id) ? `msgctxt "${id}"\nmsgid ${msgid}\nmsgstr ${JSON.stringify(said.get(id))}` : whole))
    const result = await imported(root, filled)
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true)
    expect(await readFile(path.join(root, 'content/locales/es/steps', stepFile), 'utf8')).toBe(translation)
    expect(await verdict(root)).toEqual([])
  })

  it('adds a missing item at its place in the source and a missing step as a new file, then marks them current', async () => {
    const root = await makeRepository()
    const original = await snapshot(path.join(root, 'content'))
    const removed = (await readFile(path.join(root, PLAN_ES), 'utf8')).match(/^- \[ \] (.*) \{#note-focus-topics .*$/m)?.[1]
    await edit(root, PLAN_ES, /^.*\{#note-focus-topics .*\n/m, '')
    const stepFile = (await readdir(path.join(root, 'content/locales/es/steps'))).find((name) => name.startsWith('03-'))!
    const step = await readFile(path.join(root, 'content/locales/es/steps', stepFile), 'utf8')
    await rm(path.join(root, 'content/locales/es/steps', stepFile))
    const po = await exported(root)
    // The translator's work: what the files said before.
    const translations = new Map<string, string>([['note-focus-topics', removed!]])
    expect((await exportTranslation('content', 'es', {cwd: root, date: DATE})).units.missing).toBeGreaterThan(1)
    const heading = /^# (.*)$/m.exec(step)![1]!
    translations.set('be-specific.title', heading)
    translations.set('be-specific.summary', /^summary: (.*)$/m.exec(step)![1]!)
    step.split('\n---\n')[1]!.split('\n## ')[0]!.trim().split('\n\n').slice(1).forEach((paragraph, index) => translations.set(`be-specific.paragraph-${index + 1}`, paragraph))
    for (const match of step.matchAll(/^- \[ \] (.*) \{#([a-z-]+) rounds=.*\}$/gm)) translations.set(match[2]!, match[1]!)
    const filled = po.replace(/msgctxt "([^"]+)"\nmsgid (.*)\nmsgstr ""/g, (whole, id: string, msgid: string) =>
      translations.has(id) ? `msgctxt "${id}"\nmsgid ${msgid}\nmsgstr ${JSON.stringify(translations.get(id))}` : whole,
    )
    const result = await imported(root, filled)
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true)
    expect([...result.marked].sort()).toEqual(['be-specific', 'note-focus-topics', ...[...step.matchAll(/\{#([a-z-]+) /g)].map((match) => match[1]!)].sort())
    // The files are as they were, but for the new step's name (the source's) and translation.json.
    const after = await snapshot(path.join(root, 'content'))
    const sourceName = (await readdir(path.join(root, 'content/steps'))).find((name) => name.startsWith('03-'))!
    expect(after[PLAN_ES.replace('content/', '')]).toBe(original[PLAN_ES.replace('content/', '')])
    expect(after[`locales/es/steps/${sourceName}`]).toBe(step)
    expect(await verdict(root)).toEqual([])
  })

  /** The es translation of a step taken out (or, with `folder`, all of steps/): its text, its units' translations, and a PO file filling them in. */
  async function withoutStep(root: string, prefix: string, folder = false) {
    const steps = path.join(root, 'content/locales/es/steps')
    const step = await readFile(path.join(steps, (await readdir(steps)).find((name) => name.startsWith(prefix))!), 'utf8')
    await rm(folder ? steps : path.join(steps, (await readdir(steps)).find((name) => name.startsWith(prefix))!), {recursive: true})
    const id = /^id: (.*)$/m.exec(step)![1]!
    const translations = new Map<string, string>([[`${id}.title`, /^# (.*)$/m.exec(step)![1]!], [`${id}.summary`, /^summary: (.*)$/m.exec(step)![1]!]])
    step.split('\n---\n')[1]!.split('\n## ')[0]!.trim().split('\n\n').slice(1).forEach((paragraph, index) => translations.set(`${id}.paragraph-${index + 1}`, paragraph))
    for (const match of step.matchAll(/^- \[ \] (.*) \{#([a-z-]+) rounds=.*\}$/gm)) translations.set(match[2]!, match[1]!)
    const po = await exported(root)
    const fill = (given: ReadonlyMap<string, string>): string =>
      po.replace(/msgctxt "([^"]+)"\nmsgid (.*)\nmsgstr ""/g, (whole, unit: string, msgid: string) => (given.has(unit) ? `msgctxt "${unit}"\nmsgid ${msgid}\nmsgstr ${JSON.stringify(given.get(unit))}` : whole))
    return {step, id, translations, fill}
  }

  it('adds a step to a locale that has no steps/ folder (as content:locale scaffolds it), making the folder', async () => {
    const root = await makeRepository()
    const {step, translations, fill} = await withoutStep(root, '02-', true)
    const result = await imported(root, fill(translations))
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true)
    const sourceName = (await readdir(path.join(root, 'content/steps'))).find((name) => name.startsWith('02-'))!
    expect(await readdir(path.join(root, 'content/locales/es/steps'))).toEqual([sourceName])
    expect(await readFile(path.join(root, 'content/locales/es/steps', sourceName), 'utf8')).toBe(step)
  })

  it.each([
    {name: 'a paragraph left empty', leave: (id: string, units: string[]) => units.filter((unit) => unit !== `${id}.paragraph-1`), at: (id: string) => `msgctxt "${id}.paragraph-1"`, reason: /^Expected every part of step "(.*)" \(title, summary, each paragraph\) translated to add the step to es, found "\1\.paragraph-1" empty; translate it, or leave all of the step's entries empty for now$/},
    {name: 'one item', leave: (id: string, units: string[]) => units.filter((unit) => unit.startsWith(`${id}.`) || unit === units.find((other) => !other.startsWith(`${id}.`))), at: (id: string) => `msgctxt "${id}.title"`, reason: /^Expected at least 2 of step "(.*)"'s checklist items translated to add the step to es \(a step has 2 to 5\), found 1; translate more of its items, or leave all of the step's entries empty for now$/},
  ])('refuses a missing step translated but for $name, saying what to do', async ({leave, at, reason}) => {
    const root = await makeRepository()
    const {id, translations, fill} = await withoutStep(root, '03-')
    const po = fill(new Map(leave(id, [...translations.keys()]).map((unit) => [unit, translations.get(unit)!])))
    const result = await imported(root, po)
    expect(result.diagnostics).toEqual([expect.objectContaining({line: po.slice(0, po.indexOf(at(id))).split('\n').length + 2, reason: expect.stringMatching(reason)})])
  })

  it("refuses a missing step whose paragraph would make it invalid at that paragraph's line", async () => {
    const root = await makeRepository()
    const {id, translations, fill} = await withoutStep(root, '03-')
    translations.set(`${id}.paragraph-1`, `${translations.get(`${id}.paragraph-1`)}\n\n## Notas`)
    const po = fill(translations)
    const result = await imported(root, po)
    const line = po.slice(0, po.indexOf(`msgctxt "${id}.paragraph-1"`)).split('\n').length + 2
    expect(result.diagnostics).toEqual([expect.objectContaining({line, reason: expect.stringMatching(/^Expected the translation to leave the content valid, .*\(heading-structure\)$/)})])
  })

  const refusals = [
    {name: 'an unknown id', change: (po: string) => po.replace('msgctxt "note-best-answer"', 'msgctxt "note-best-answr"'), at: 'msgctxt "note-best-answr"', reason: /Expected the id of a unit of es \(as exported\), found "note-best-answr"; did you mean `note-best-answer`\?/},
    {name: 'a placeholder the source lacks', change: (po: string) => po.replace('mejor funcionó."', 'mejor funcionó en tu {next:f}."'), at: 'mejor funcionó en tu', reason: /Expected the placeholders of the source in "note-best-answer" \(\{previous\}\), found \{next:f\}, \{previous:f\}/},
    {name: 'another item id', change: (po: string) => po.replace('mejor funcionó."', 'mejor funcionó. {#note-weakest-answer rounds=2+}"'), at: 'mejor funcionó. {#', reason: /Expected the text of item "note-best-answer" without a \{#…\} block .* found "\{#note-weakest-answer rounds=2\+\}"/},
    {name: 'a title on two lines', change: (po: string) => po.replace('msgstr "Haz un plan"', 'msgstr "Haz\\nun plan"'), at: 'msgstr "Haz\\nun plan"', reason: /Expected one line in "make-a-plan.title", found a line break/},
    {name: 'a paragraph that would break the step', change: (po: string) => po.replace(/(msgctxt "make-a-plan.paragraph-1"\nmsgid .*\nmsgstr ".*)"/, '$1\\n\\n## Notas"'), at: '## Notas', reason: /Expected the translation to leave the content valid, found it would make an error at locales\/es\/steps\/02-haz-un-plan\.md:\d+:\d+: .*heading-structure/},
    {name: 'a file for a locale that has no folder', change: (po: string) => po.replace('"Language: es\\n"', '"Language: pt\\n"'), at: '', reason: /Expected the file's language to be one of content's translations \(es\), found "pt"/},
    {name: 'a plural form', change: (po: string) => po.replace('msgstr "Haz un plan"', 'msgid_plural "Plans"\nmsgstr[0] "Haz un plan"'), at: 'msgid_plural', reason: /Expected no plural forms/},
  ]
  it.each(refusals)('refuses $name at the line of the file, and writes nothing', async ({change, at, reason}) => {
    const root = await makeRepository()
    const before = await snapshot(path.join(root, 'content'))
    const po = change(await exported(root))
    expect(po).toContain(at)
    const result = await imported(root, po)
    expect(result.ok).toBe(false)
    const line = at === '' ? 1 : po.slice(0, po.indexOf(at)).split('\n').length
    expect(result.diagnostics).toEqual([expect.objectContaining({file: 'es.po', line, ruleId: 'translation-import', severity: 'error', reason: expect.stringMatching(reason)})])
    expect(await snapshot(path.join(root, 'content'))).toEqual(before)
  })

  it('refuses a unit of an XLIFF file at its line', async () => {
    const root = await makeRepository()
    const xliff = (await exported(root, 'xliff')).replace('mejor funcionó.</target>', 'mejor funcionó en tu {round}.</target>')
    const result = await imported(root, xliff, 'es.xlf')
    const line = xliff.slice(0, xliff.indexOf('mejor funcionó en tu')).split('\n').length
    expect(result.diagnostics).toEqual([expect.objectContaining({file: 'es.xlf', line, reason: expect.stringContaining('found {previous:f}, {round}')})])
  })

  it('refuses an XLIFF file cut short after a unit at its last line, and writes nothing', async () => {
    const root = await makeRepository()
    const before = await snapshot(path.join(root, 'content'))
    const xliff = await exported(root, 'xliff')
    const cut = xliff.slice(0, xliff.lastIndexOf('</trans-unit>') + '</trans-unit>'.length)
    const result = await imported(root, cut, 'es.xlf')
    expect(result.ok).toBe(false)
    expect(result.diagnostics).toEqual([expect.objectContaining({file: 'es.xlf', line: cut.split('\n').length, reason: expect.stringContaining('</xliff>')})])
    expect(await snapshot(path.join(root, 'content'))).toEqual(before)
  })

  it('cleans up what an import killed before its commit left: check names the command, the next import removes it', async () => {
    const root = await makeRepository()
    const before = await snapshot(path.join(root, 'content'))
    const po = await exported(root)
    // A process id no process can have.
    const left = `${PLAN_ES}.commit-2147483646.tmp`
    await writeFile(path.join(root, left), 'half a file')
    expect(await verdict(root)).toEqual([expect.objectContaining({ruleId: 'content-files', reason: expect.stringContaining('left by an interrupted `ace-second-interview translation import`; run it again')})])
    expect(await imported(root, po)).toMatchObject({ok: true, written: []})
    expect(await snapshot(path.join(root, 'content'))).toEqual(before)
  })

  it('takes the mark back from a current unit sent for review, and marks nothing whose source changed since the export', async () => {
    const root = await makeRepository()
    const po = await exported(root)
    // Reviewer flags one item; meanwhile the source of another changes.
    const flagged = po.replace('msgctxt "note-best-answer"', '#, fuzzy\nmsgctxt "note-best-answer"')
    await edit(root, PLAN, 'that was weakest', 'that went worst')
    const result = await imported(root, flagged)
    expect(result).toMatchObject({ok: true, marked: [], unmarked: ['note-best-answer'], stale: ['note-weakest-answer']})
    expect((await verdict(root)).map((d) => d.reason)).toEqual([expect.stringContaining('item `note-best-answer`'), expect.stringContaining('item `note-weakest-answer`')])
  })
})

describe('ace-second-interview translation', () => {
  it('exports to a file and imports it back, changing nothing', async () => {
    const root = await makeRepository()
    const before = await snapshot(path.join(root, 'content'))
    const out = await cli(['translation', 'export', 'es', 'content', '--format', 'xliff', '--output', 'es.xlf'], {cwd: root})
    expect(out).toMatchObject({status: 0, stderr: ''})
    expect(out.stdout).toMatch(/^ace-second-interview translation: wrote es\.xlf: \d+ units of es \(\d+ current, 0 outdated, 0 missing\)\n$/)
    const back = await cli(['translation', 'import', 'es.xlf', 'content'], {cwd: root})
    expect(back).toEqual({status: 0, stderr: '', stdout: 'ace-second-interview translation: es.xlf into content: nothing to change\n'})
    expect(await snapshot(path.join(root, 'content'))).toEqual(before)
    // Without --output, the PO file itself on stdout (dated now).
    const strip = (text: string): string => text.replace(/^"PO-Revision-Date: .*\n/m, '')
    expect(strip((await cli(['translation', 'export', 'es', 'content'], {cwd: root})).stdout)).toBe(strip(await exported(root)))
    // A tag in any case, as --locale takes it.
    expect(strip((await cli(['translation', 'export', 'ES', 'content'], {cwd: root})).stdout)).toBe(strip(await exported(root)))
    expect((await exportTranslation('content', 'eS', {cwd: root, date: DATE})).text).toBe(await exported(root))
  })

  it.each([
    {args: ['translation'], status: 2, stderr: /expected export or import, received nothing/},
    {args: ['translation', 'export'], status: 2, stderr: /expected a locale tag after export, received nothing/},
    {args: ['translation', 'export', 'es', 'content', '--format', 'xlf'], status: 2, stderr: /expected --format to be one of po, xliff, received "xlf"/},
    {args: ['translation', 'import', 'es.po', 'content', '--output', 'x'], status: 2, stderr: /expected --output with export only/},
    {args: ['translation', 'export', 'pt', 'content'], status: 2, stderr: /^ace-second-interview translation: expected <tag> to be a translation of the content folder \(es\), received "pt"\n$/},
    {args: ['translation', 'import', 'nothing.po', 'content'], status: 2, stderr: /^ace-second-interview translation: expected <file> to be a PO or XLIFF file, found nothing at "nothing.po"\n$/},
    {args: ['translation', 'import', 'content', 'content'], status: 2, stderr: /^ace-second-interview translation: expected <file> to be a PO or XLIFF file, found a folder at "content"\n$/},
    {args: ['translation', 'export', 'es', 'nowhere'], status: 2, stderr: /expected \[content-dir\] to be a folder, found nothing at "nowhere"/},
  ])('$args.2 $args.3: exit $status', async ({args, status, stderr}) => {
    const root = await makeRepository()
    const run = await cli(args, {cwd: root})
    expect(run.status).toBe(status)
    expect(run.stderr).toMatch(stderr)
    expect(run.stdout).toBe('')
  })

  it.each([
    ['a folder', 'out', 'a folder at "out" (without --output, the file goes to standard output)'],
    ['a symbolic link (as /dev/stdout is), which a rename would replace', 'link', 'a symbolic link at "link" (without --output, the file goes to standard output)'],
    ['a path whose folder is missing', 'missing/es.po', 'no folder at "missing/es.po"'],
  ])('refuses --output naming %s, saying so, and leaves no temporary file', async (_name, output, found) => {
    const root = await makeRepository()
    await mkdir(path.join(root, 'out'))
    await symlink('out', path.join(root, 'link'))
    const before = await readdir(root)
    const run = await bin(['translation', 'export', 'es', 'content', '--output', output], {cwd: root, env: {NO_COLOR: '1'}})
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(`ace-second-interview: expected --output to be a file it can write, found ${found}\n`)
    expect(await readdir(root)).toEqual(before)
    expect((await lstat(path.join(root, 'link'))).isSymbolicLink()).toBe(true)
  })

  it.each([
    ['nothing', 'nothing.po'],
    ['a folder', 'content'],
    ['a character device', '/dev/null'],
  ])('rejects an import of %s with ERR_CHECK_NO_FILE, naming what is there', async (found, file) => {
    const root = await makeRepository()
    await expect(importTranslation(file, 'content', {cwd: root})).rejects.toMatchObject({
      code: 'ERR_CHECK_NO_FILE',
      found,
      message: `importTranslation(file, dir): expected "file" to be a PO or XLIFF file, found ${found} at: ${JSON.stringify(file)}`,
    })
  })

  it('prints a refused import as file:line diagnostics, each with its tip, exit 1', async () => {
    const root = await makeRepository()
    await writeFile(path.join(root, 'es.po'), (await exported(root)).replace('msgctxt "note-best-answer"', 'msgctxt "nope"'))
    const run = await cli(['translation', 'import', 'es.po', 'content'], {cwd: root})
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/^es\.po:\d+:1: error Expected the id of a unit of es \(as exported\), found "nope"  translation-import\n  tip: Correct the file at this line \(or empty the entry's translation to leave its unit as it is\), then import it again: nothing is written until every entry is right\.\n1 error, 0 warnings\nace-second-interview translation: nothing was written\.\n$/)
  })
})

describe('the PO and XLIFF readers', () => {
  const header = {tag: 'es', sourceTag: 'en-GB', title: 'T', version: '1.0.0', date: DATE, tool: 'test', comments: ['a comment']}
  const unit = (id: string, source: string, translation: string, state: ExchangeUnit['state']): ExchangeUnit =>
    ({id, record: {target: 'item', id}, kind: 'item', source, translation, span: undefined, state, previous: state === 'outdated' ? source : undefined, reference: 'content/x.md:1', notes: ['a note']})
  const units = fc.array(
    fc.record({source: fc.string({unit: anyCodePoint}), translation: fc.string({unit: anyCodePoint}), state: fc.constantFrom('current', 'outdated', 'missing' as const)}),
    {maxLength: 5},
  ).map((list) => list.map(({source, translation, state}, index) => unit(`unit-${index}`, source, state === 'missing' ? '' : translation, state)))

  it.each([['PO', formatPo, parsePo], ['XLIFF', formatXliff, parseXliff]] as const)('read back every unit %s writes, whatever its text', (_name, format, parse) => {
    fc.assert(
      fc.property(units, (list) => {
        const catalog = parse(format(list, header))
        expect(catalog.problems).toEqual([])
        expect(catalog.language).toBe('es')
        expect(catalog.entries.map(({id, source, target, fuzzy}) => ({id, source, target, fuzzy}))).toEqual(
          list.map((entry) => ({id: entry.id, source: entry.source, target: entry.translation, fuzzy: entry.state === 'outdated' && entry.translation !== ''})),
        )
      }),
    )
  })

  it('report a PO file with no msgctxt at all (as xliff2po writes one) once, at its first entry', () => {
    const po = 'msgid ""\nmsgstr "Language: es\\n"\n\n#: introduction.title\nmsgid "A"\nmsgstr "B"\n\n#: introduction.paragraph-1\nmsgid "C"\nmsgstr "D"\n'
    expect(parsePo(po).problems).toEqual([{line: 5, reason: 'Expected each entry to have a msgctxt naming its unit (as exported), found none in any of its 2 entries: the file was not written by `translation export`, or a tool left the ids out (`xliff2po` writes them as `#:` references)'}])
  })

  // The property above finds these only now and then: JavaScript's `.` stops at them, as at a line break.
  it.each([['PO', formatPo, parsePo], ['XLIFF', formatXliff, parseXliff]] as const)('read back a unit %s writes with a line or paragraph separator (U+2028, U+2029) in its text', (_name, format, parse) => {
    const list = [unit('unit-0', 'a\u2028b', 'c\u2029d', 'outdated')]
    const catalog = parse(format(list, header))
    expect(catalog.problems).toEqual([])
    expect(catalog.entries.map(({source, target, fuzzy}) => ({source, target, fuzzy}))).toEqual([{source: 'a\u2028b', target: 'c\u2029d', fuzzy: true}])
  })

  const UNIT = '<xliff version="1.2"><file target-language="es"><body>\n<trans-unit id="a"><source>A</source><target>B</target></trans-unit>'
  it.each([
    ['not XLIFF at all', '<html><body>hi</body></html>\n', 1, 'Expected an XLIFF 1.2 file'],
    ['cut short after a unit', `${UNIT}\n`, 3, 'Expected the file to end with </xliff>'],
    ['with a comment that never closes', `${UNIT}\n<!-- note\n</body></file></xliff>\n`, 3, 'Expected the comment to be closed by -->, found the end of the file'],
    ['with markup after </xliff>', `${UNIT}</body></file></xliff>\n<x>junk</x>\n`, 3, 'Expected nothing after </xliff> but comments and processing instructions, found "<x>junk</x>"'],
    // XML knows five named entities; this reader reads no DOCTYPE that could declare more.
    ['with an entity XML does not define', `${UNIT.replace('<target>B', '<target>B&nbsp;')}\n</body></file></xliff>\n`, 2, 'Expected & to start &amp;, &lt;, &gt;, &quot;, &apos; or a character reference (&#…;), found "&nbsp;'],
    ['with a DOCTYPE', `<!DOCTYPE xliff [<!ENTITY e "boom">]>\n${UNIT.replace('<target>B', '<target>&e;')}\n</body></file></xliff>\n`, 1, 'Expected no DOCTYPE (an XLIFF file needs none, and this reader reads no entity it declares), found one'],
  ])('reports an XLIFF file %s once, at its line', (_name, text, line, reason) => {
    expect(parseXliff(text).problems).toEqual([{line, reason: expect.stringContaining(reason)}])
  })

  // XML allows white space before a closing tag's `>`, and comments and processing instructions after the root.
  it.each([
    ['</xliff > (white space in the end tag)', `${UNIT}</body></file></xliff >\n`],
    ['a processing instruction after </xliff>', `${UNIT}</body></file></xliff>\n<?tool done?>\n`],
    ['a comment after </xliff>', `${UNIT}</body></file></xliff>\n<!-- exported -->\n`],
    ['a bare & inside CDATA', `${UNIT.replace('<source>A', '<source><![CDATA[A & Z]]>')}</body></file></xliff>\n`],
  ])('reads a complete XLIFF file ending in %s', (_name, text) => {
    expect(parseXliff(text)).toMatchObject({problems: [], entries: [{id: 'a', target: 'B'}]})
  })

  // The blanking that keeps comments' lines must not leave their width in the text.
  it.each([
    ['on one line', 'B<!-- why -->C', 'BC'],
    ['over lines', 'B <!-- why\nnot -->C', 'B C'],
  ])('reads a target holding a comment %s as XML does, without it', (_name, target, expected) => {
    const text = `<xliff version="1.2"><file target-language="es"><body>\n<trans-unit id="a"><source>A</source><target>${target}</target></trans-unit>\n</body></file></xliff>\n`
    expect(parseXliff(text)).toMatchObject({problems: [], entries: [{id: 'a', target: expected}]})
  })

  it.each([['PO', parsePo], ['XLIFF', parseXliff]] as const)('never throw on any text (%s)', (_name, parse) => {
    fc.assert(fc.property(fc.string({unit: anyCodePoint}), (text) => void parse(text)))
  })
})
