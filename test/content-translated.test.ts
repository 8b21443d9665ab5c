// content:translated and content:version on a repository this test owns
// (the valid fixture and its `es` translation as content, package.json at
// 1.0.0): marking translations current, refusing what it cannot mark, and
// versioning a translation-only change. Never the shipped content.
import {cp, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {buildGuide, diagnostics} from '../pipeline/index.js'
import type {Manifest} from '../pipeline/release/manifest.js'
import {releaseEntry} from '../pipeline/release/changelog.js'
import {releasesFromManifest} from '../pipeline/release/emit-releases.js'
import {RECORD_NOTE} from '../pipeline/read/translation-record.js'
import {contentTranslated} from '../scripts/content-translated.js'
import {contentVersion} from '../scripts/content-version.js'
import {addLocale} from '../scripts/content-locale.js'
import {FIXTURES, VALID_LOCALE, copyFixture} from './fixture-content.js'

const RECORD = 'content/locales/es/translation.json'
const SOURCE_STEP = 'content/steps/01-have-confidence.md'
const TRANSLATED_STEP = 'content/locales/es/steps/01-ten-confianza.md'
const PLAN = 'content/steps/02-make-a-plan.md'
const PLAN_ES = 'content/locales/es/steps/02-haz-un-plan.md'
const CHANGELOG = '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2030-01-01\n\nFirst release.\n'

const roots: string[] = []
afterAll(async () => {
  for (const root of roots) await rm(root, {recursive: true, force: true})
})

const io = () => {
  const out = {stdout: '', stderr: ''}
  return {out, streams: {stdout: {write: (text: string) => (out.stdout += text)}, stderr: {write: (text: string) => (out.stderr += text)}}}
}

async function translated(root: string, args: readonly string[]) {
  const {out, streams} = io()
  const code = await contentTranslated([...args, '--root', root], {...streams, root})
  return {code, ...out}
}

async function version(root: string, args: readonly string[] = []) {
  const {out, streams} = io()
  const code = await contentVersion(['--root', root, '--date', '2030-01-02', ...args], {...streams, root})
  return {code, ...out}
}

/** A repository whose content is valid/ plus its `es` translation, with translation.json removed. */
async function makeRepository(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'ace-content-translated-'))
  roots.push(root)
  await copyFixture(path.join(FIXTURES, 'valid'), path.join(root, 'content'))
  await copyFixture(VALID_LOCALE, path.join(root, 'content'))
  await rm(path.join(root, RECORD))
  await writeFile(path.join(root, 'package.json'), `${JSON.stringify({name: 'fixture', version: '1.0.0'}, null, 2)}\n`)
  await writeFile(path.join(root, 'CHANGELOG.md'), CHANGELOG)
  return root
}

async function lint(root: string) {
  const result = await buildGuide({contentDir: path.join(root, 'content'), version: '1.0.0', cwd: root})
  return diagnostics(result.files)
}

const edit = async (root: string, file: string, from: string, to: string): Promise<void> => {
  const text = await readFile(path.join(root, file), 'utf8')
  expect(text).toContain(from)
  await writeFile(path.join(root, file), text.replace(from, to))
}

describe('content:translated', () => {
  it('--keep-current refuses a journal it did not write, naming it, and writes nothing', async () => {
    const root = await makeRepository()
    await writeFile(path.join(root, '.content-translated.journal'), 'not json')
    const before = await readdir(path.join(root, 'content/locales/es'))
    const run = await translated(root, ['--keep-current', 'check-confidence-not-arrogance'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^content:translated: expected .*\.content-translated\.journal to be the journal an interrupted run wrote .*found not JSON/)
    expect(await readdir(path.join(root, 'content/locales/es'))).toEqual(before)
  })

  it('marks every translation current with --all: translation.json says it is written by the command, and the warnings go', async () => {
    const root = await makeRepository()
    const before = await readdir(path.join(root, 'content/locales/es'))
    expect((await lint(root)).map((d) => d.ruleId)).toEqual(['translation-outdated'])
    const run = await translated(root, ['es', '--all'])
    expect(run).toMatchObject({code: 0, stderr: ''})
    const record = JSON.parse(await readFile(path.join(root, RECORD), 'utf8')) as Record<string, unknown>
    expect(Object.keys(record)[0]).toBe('//')
    expect(record['//']).toBe(RECORD_NOTE)
    expect(record['locale']).toBe('es')
    expect(await lint(root)).toEqual([])
    // Atomic: no temporary file is left beside it.
    expect((await readdir(path.join(root, 'content/locales/es'))).sort()).toEqual([...before, 'translation.json'].sort())
  })

  it('records, for an item, the source version and text it was translated from, and names them once the source changes', async () => {
    const root = await makeRepository()
    // A first release, so the record can name the version the text comes from.
    expect((await version(root, ['--date', '2030-01-01'])).code).toBe(0)
    expect((await translated(root, ['es', '--all'])).code).toBe(0)
    const record = JSON.parse(await readFile(path.join(root, RECORD), 'utf8')) as {items: Record<string, {version: string; text: string}>}
    const item = record.items['check-confidence-not-arrogance']!
    expect(item.version).toBe('1.0.0')
    expect(await readFile(path.join(root, SOURCE_STEP), 'utf8')).toContain(item.text.replace(/\.$/, ''))
    await edit(root, SOURCE_STEP, 'Check that the way you plan', 'Make sure the way you plan')
    const [warning, ...rest] = await lint(root)
    expect(rest).toEqual([])
    expect(warning).toMatchObject({file: path.join('content', 'locales/es/steps/01-ten-confianza.md'), ruleId: 'translation-outdated', severity: 'warning'})
    expect(warning?.reason).toContain('translated from 1.0.0')
    expect(warning?.reason).toContain('"[-Check that-]{+Make sure+} the way you plan')
    // Marking that one item current clears it, and only it changes in the record.
    const before = await readFile(path.join(root, RECORD), 'utf8')
    expect((await translated(root, ['es', 'check-confidence-not-arrogance'])).code).toBe(0)
    expect(await lint(root)).toEqual([])
    const after = JSON.parse(await readFile(path.join(root, RECORD), 'utf8')) as {items: Record<string, {version: string; text: string}>}
    expect(after.items['check-confidence-not-arrogance']).toMatchObject({version: 'unreleased', text: expect.stringMatching(/^Make sure/)})
    const unchanged = JSON.parse(before) as typeof after
    expect({...after.items, 'check-confidence-not-arrogance': undefined}).toEqual({...unchanged.items, 'check-confidence-not-arrogance': undefined})
  })

  it('records the source words of each step and of the introduction, and keeps reading a record of hashes only', async () => {
    const root = await makeRepository()
    expect((await translated(root, ['es', '--all'])).code).toBe(0)
    const record = JSON.parse(await readFile(path.join(root, RECORD), 'utf8')) as {introduction: Record<string, unknown>; steps: Record<string, Record<string, unknown>>}
    const source = await readFile(path.join(root, SOURCE_STEP), 'utf8')
    const step = record.steps['have-confidence']!
    expect(source).toContain(`# ${String(step['title'])}\n`)
    expect(source).toContain(`summary: ${String(step['summary'])}\n`)
    for (const paragraph of step['body'] as string[]) expect(source).toContain(paragraph)
    expect(record.introduction).toMatchObject({title: expect.any(String), body: expect.any(Array)})
    // A record written before the words were kept: hashes and versions only.
    const strip = ({hash, version}: Record<string, unknown>) => ({hash, version})
    const old = {...record, introduction: strip(record.introduction), steps: Object.fromEntries(Object.entries(record.steps).map(([id, unit]) => [id, strip(unit)]))}
    await writeFile(path.join(root, RECORD), JSON.stringify(old))
    expect(await lint(root)).toEqual([])
    // Marking again keeps each unit's version and fills in its words.
    expect((await translated(root, ['es', '--all'])).code).toBe(0)
    expect(JSON.parse(await readFile(path.join(root, RECORD), 'utf8'))).toEqual(record)
  })

  it('refuses recorded words that are not what the recorded hash was taken of', async () => {
    const root = await makeRepository()
    expect((await translated(root, ['es', '--all'])).code).toBe(0)
    await edit(root, RECORD, '"title": "Have confidence"', '"title": "Have some confidence"')
    expect(await lint(root)).toEqual(expect.arrayContaining([
      expect.objectContaining({ruleId: 'translation-record', fatal: true, reason: expect.stringMatching(/^Expected `steps\.have-confidence` to be words whose hash is its `hash` \([0-9a-f]{12}\), found words hashing to [0-9a-f]{12}$/)}),
    ]))
  })

  it('leaves a step copied from the source (not translated yet) out of --all, and refuses to mark it by name', async () => {
    const root = await makeRepository()
    await rm(path.join(root, 'content/locales/es/steps/03-da-ejemplos-concretos.md'))
    const source = await readFile(path.join(root, 'content/steps/03-be-specific.md'), 'utf8')
    await writeFile(path.join(root, 'content/locales/es/steps/03-be-specific.md'), source.replace('## Checklist', '## Lista de comprobación'))
    expect((await translated(root, ['es', '--all'])).code).toBe(0)
    const record = JSON.parse(await readFile(path.join(root, RECORD), 'utf8')) as {steps: Record<string, unknown>; items: Record<string, unknown>}
    expect(Object.keys(record.steps)).not.toContain('be-specific')
    expect(Object.keys(record.items)).not.toContain('choose-skills-to-show')
    // Missing, never "never marked": one warning for the copy.
    expect((await lint(root)).map(({ruleId, file}) => [ruleId, file])).toEqual([['translation-missing', path.join('content', 'locales/es/steps/03-be-specific.md')]])
    const named = await translated(root, ['es', 'be-specific'])
    expect(named.code).toBe(1)
    expect(named.stderr).toMatch(/"be-specific" has no translation in es yet/)
  })

  const refusals = [
    {name: 'an unknown locale', args: ['pt', '--all'], code: 2, message: /expected a locale with a folder in content\/locales\/ \(es\), received "pt"/},
    {name: 'an unknown id', args: ['es', 'have-confidenc'], code: 2, message: /received "have-confidenc"; did you mean `have-confidence`\?/},
    {name: 'no ids and no --all', args: ['es'], code: 2, message: /expected the ids to mark current, or --all/},
    {name: 'ids and --all', args: ['es', 'have-confidence', '--all'], code: 2, message: /expected ids or --all, received both/},
    {name: 'no locale', args: [], code: 2, message: /expected a locale, received nothing/},
    {name: 'an unknown option', args: ['es', '--al'], code: 2, message: /--al/},
  ] as const
  it.each(refusals)('refuses $name with a clear message, writing nothing', async ({args, code, message}) => {
    const root = await makeRepository()
    const run = await translated(root, args)
    expect(run.code).toBe(code)
    expect(run.stderr).toMatch(message)
    expect(run.stdout).toBe('')
    await expect(readFile(path.join(root, RECORD))).rejects.toMatchObject({code: 'ENOENT'})
  })

  it('refuses an id the locale has not translated yet (exit 1), and content with errors', async () => {
    const root = await makeRepository()
    // The item's line taken out of the translation: it is missing, not translated.
    const text = await readFile(path.join(root, TRANSLATED_STEP), 'utf8')
    await writeFile(path.join(root, TRANSLATED_STEP), text.replace(/^.*\{#check-confidence-not-arrogance .*\n/m, ''))
    const untranslated = await translated(root, ['es', 'check-confidence-not-arrogance'])
    expect(untranslated.code).toBe(1)
    expect(untranslated.stderr).toMatch(/"check-confidence-not-arrogance" has no translation in es yet/)
    await edit(root, TRANSLATED_STEP, 'step: 1', 'step: 4')
    const broken = await translated(root, ['es', '--all'])
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/translation-parity[^]*fix the content first; nothing was written/)
  })

  it('recovers from a run killed before its rename: check names the command, and a rerun removes what it left', async () => {
    const root = await makeRepository()
    expect((await translated(root, ['es', '--all'])).code).toBe(0)
    const record = await readFile(path.join(root, RECORD), 'utf8')
    // What a kill before the rename leaves (named for a process id no process can have).
    const left = `${RECORD}.commit-2147483646.tmp`
    await writeFile(path.join(root, left), record.slice(0, 40))
    expect(await lint(root)).toEqual([
      expect.objectContaining({ruleId: 'content-files', fatal: true, reason: expect.stringContaining('left by an interrupted `npm run content:translated`; run it again')}),
    ])
    const rerun = await translated(root, ['es', '--all'])
    expect(rerun).toMatchObject({code: 0, stderr: ''})
    expect(rerun.stdout).toContain(`removed ${left}, left by an interrupted run`)
    expect(await readdir(path.join(root, 'content/locales/es'))).not.toContain(path.basename(left))
    expect(await readFile(path.join(root, RECORD), 'utf8')).toBe(record)
    expect(await lint(root)).toEqual([])
  })

  it('keeps current, with --keep-current, the translations of a unit whose source had a typo fixed since the last release, and only those', async () => {
    const root = await makeRepository()
    expect((await translated(root, ['es', '--all'])).code).toBe(0)
    expect((await version(root, ['--date', '2030-01-01'])).code).toBe(0)
    // An edit after the release leaves es behind on one item; a second release publishes it.
    await edit(root, SOURCE_STEP, 'Write down one line saying', 'Write down a line saying')
    expect((await version(root)).code).toBe(0)
    // Typos fixed in two units: es followed the last release's text of one, an earlier text of the other.
    await edit(root, SOURCE_STEP, 'sounds confident, not arrogant', 'sounds confident and not arrogant')
    await edit(root, SOURCE_STEP, 'Write down a line saying', 'Write down a line that says')
    expect((await lint(root)).map((d) => d.ruleId)).toEqual(['translation-outdated', 'translation-outdated'])
    const dry = await translated(root, ['--keep-current', 'check-confidence-not-arrogance', 'write-earned-chance-note', '--dry-run'])
    expect(dry.stdout).toMatch(/would keep 1 translations current/)
    expect(JSON.parse(await readFile(path.join(root, RECORD), 'utf8')).items['check-confidence-not-arrogance'].text).toMatch(/sounds confident, not arrogant/)
    const run = await translated(root, ['--keep-current', 'check-confidence-not-arrogance', 'write-earned-chance-note'])
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(run.stdout).toContain('  es: item `check-confidence-not-arrogance` kept current\n')
    expect(run.stdout).toContain("  es: item `write-earned-chance-note` left outdated (translated from another text than release 1.0.1's)\n")
    const [left, ...rest] = await lint(root)
    expect(rest).toEqual([])
    expect(left?.reason).toContain('item `write-earned-chance-note`')
    expect(JSON.parse(await readFile(path.join(root, RECORD), 'utf8')).items['check-confidence-not-arrogance'].text).toMatch(/sounds confident and not arrogant/)
    expect((await translated(root, ['--keep-current', 'have-confidenc'])).stderr).toMatch(/received "have-confidenc"; did you mean `have-confidence`\?/)
  })

  it('writes nothing with --dry-run, and lists what it would mark', async () => {
    const root = await makeRepository()
    const run = await translated(root, ['es', 'introduction', 'have-confidence', '--dry-run'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/would mark 2 translations of es current[^]*the introduction\n {2}step `have-confidence`\n$/)
    await expect(readFile(path.join(root, RECORD))).rejects.toMatchObject({code: 'ENOENT'})
  })
})

describe('content:version with translations', () => {
  it('records a translation-only change as a patch, naming the locale and its units in the changelog', async () => {
    const root = await makeRepository()
    expect((await version(root, ['--date', '2030-01-01'])).code).toBe(0)
    await edit(root, TRANSLATED_STEP, '# Ten confianza', '# Ten mucha confianza')
    const run = await version(root)
    expect(run).toMatchObject({code: 0, stderr: ''})
    expect(JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'))).toMatchObject({version: '1.0.1'})
    const changelog = await readFile(path.join(root, 'CHANGELOG.md'), 'utf8')
    expect(changelog).toContain('## [1.0.1] - 2030-01-02')
    expect(changelog).toContain('- Content: Locale `es`: translation updated for step `have-confidence`.')
    const manifest = JSON.parse(await readFile(path.join(root, 'content/manifest.json'), 'utf8')) as Manifest
    const [first, second] = manifest.releases
    expect(first?.locales?.['es']?.steps['have-confidence']).toBeDefined()
    expect(second?.locales?.['es']?.steps['have-confidence']).not.toBe(first?.locales?.['es']?.steps['have-confidence'])
    // The source's record is untouched by a translation change, and the
    // runtime's release history (ids only) has nothing to say about it.
    expect(second?.steps).toEqual(first?.steps)
    expect(releasesFromManifest(manifest).at(-1)).toEqual({version: '1.0.1', date: '2030-01-02', changes: []})
  })

  it('records a locale just added (npm run content:locale) as one line: it has no words of its own yet', async () => {
    const root = await makeRepository()
    expect((await version(root, ['--date', '2030-01-01'])).code).toBe(0)
    await addLocale('it', path.join(root, 'content'))
    const run = await version(root)
    expect(run.code, run.stderr).toBe(0)
    const entry = releaseEntry(await readFile(path.join(root, 'CHANGELOG.md'), 'utf8'), '1.0.1') ?? ''
    expect([...entry.matchAll(/^- Content: (Locale .*)$/gm)].map((match) => match[1])).toEqual(["Locale `it` (in the source's words until translated)."])
  })

  it('calls a new locale\'s first translation of its introduction translated, and its removal a fallback, never an update of the source\'s words', async () => {
    const root = await makeRepository()
    await addLocale('it', path.join(root, 'content'))
    expect((await version(root, ['--date', '2030-01-01'])).code).toBe(0)
    const localeLines = async (release: string) => {
      const entry = releaseEntry(await readFile(path.join(root, 'CHANGELOG.md'), 'utf8'), release)
      expect(entry, release).toBeDefined()
      return [...entry!.matchAll(/^- Content: (Locale .*)$/gm)].map((match) => match[1])
    }
    const guide = path.join(root, 'content/locales/it/guide.md')
    const copy = await readFile(guide, 'utf8')
    await writeFile(guide, copy.replace(/^# How to .*$/m, '# Come superare il secondo colloquio'))
    expect((await translated(root, ['it', 'introduction'])).code).toBe(0)
    expect((await version(root)).code).toBe(0)
    expect(await localeLines('1.0.1')).toEqual(['Locale `it`: translated the title, introduction and labels.'])
    // The translation taken out: the source's words again.
    await writeFile(guide, copy)
    expect((await version(root)).code).toBe(0)
    expect(await localeLines('1.0.2')).toEqual(["Locale `it`: now falls back to the source's wording for the title, introduction and labels."])
    // The source reworded: `it` shows the source's words still, and says nothing.
    const source = path.join(root, 'content/guide.md')
    await writeFile(source, (await readFile(source, 'utf8')).replace(/^# How to .*$/m, '# How to Ace Your Second Interview'))
    expect((await version(root)).code).toBe(0)
    const {version: reworded} = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {version: string}
    expect(reworded).not.toBe('1.0.2')
    expect(await localeLines(reworded)).toEqual([])
  })

  // Each locale line says what happened to its units; a unit never translated says nothing.
  type Edit = readonly [file: string, from: string | RegExp, to: string]
  const BEST = '{#note-best-answer rounds=2+}'
  const NEW_ITEM = '- [ ] Note one question you would like to ask next time. {#note-next-question rounds=2+}\n'
  const cases: ReadonlyArray<{change: string; edits: readonly Edit[]; lines: readonly string[]}> = [
    {
      change: 'an item renamed with `replaces=`, its translation untouched',
      edits: [[PLAN, BEST, '{#note-strongest-answer rounds=2+ replaces=note-best-answer}']],
      lines: ["Locale `es`: now falls back to the source's wording for item `note-strongest-answer` (renamed from `note-best-answer`)."],
    },
    {
      change: 'an item removed, its translation untouched',
      edits: [[PLAN, /^.*\{#note-weakest-answer .*\n/m, '']],
      lines: ["Locale `es`: translation removed with the source's item `note-weakest-answer`."],
    },
    {
      change: 'an item renamed, and its translation with it',
      edits: [
        [PLAN, BEST, '{#note-strongest-answer rounds=2+ replaces=note-best-answer}'],
        [PLAN_ES, BEST, '{#note-strongest-answer rounds=2+}'],
      ],
      lines: [],
    },
    {
      change: 'a translation reworded by its translator',
      edits: [[PLAN_ES, 'que mejor funcionó.', 'que mejor salió.']],
      lines: ['Locale `es`: translation updated for item `note-best-answer`.'],
    },
    {
      change: 'a translation taken out',
      edits: [[PLAN_ES, /^.*\{#note-best-answer .*\n/m, '']],
      lines: ["Locale `es`: now falls back to the source's wording for item `note-best-answer`."],
    },
    {
      change: 'an item added, not translated yet',
      edits: [[PLAN, /(\{#link-strongest-quality rounds=2\+\}\n)/, `$1${NEW_ITEM}`]],
      lines: [],
    },
    {
      change: 'an item added and translated',
      edits: [
        [PLAN, /(\{#link-strongest-quality rounds=2\+\}\n)/, `$1${NEW_ITEM}`],
        [PLAN_ES, /(\{#link-strongest-quality rounds=2\+\}\n)/, '$1- [ ] Anota una pregunta que te gustaría hacer la próxima vez. {#note-next-question rounds=2+}\n'],
      ],
      lines: ['Locale `es`: translated item `note-next-question`.'],
    },
  ]
  let released: string | undefined
  it.each(cases)('$change', async ({edits, lines}) => {
    // One first release, copied for each case.
    if (released === undefined) {
      released = await makeRepository()
      expect((await version(released, ['--date', '2030-01-01'])).code).toBe(0)
    }
    const root = await mkdtemp(path.join(tmpdir(), 'ace-content-translated-'))
    roots.push(root)
    await cp(released, root, {recursive: true})
    for (const [file, from, to] of edits) {
      const text = await readFile(path.join(root, file), 'utf8')
      const next = text.replace(from, to)
      expect(next, `${String(from)} is not in ${file}`).not.toBe(text)
      await writeFile(path.join(root, file), next)
    }
    const run = await version(root)
    expect(run.code, run.stderr).toBe(0)
    const next = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')).version as string
    const entry = releaseEntry(await readFile(path.join(root, 'CHANGELOG.md'), 'utf8'), next) ?? ''
    expect([...entry.matchAll(/^- Content: (Locale .*)$/gm)].map((match) => match[1])).toEqual(lines)
  })
})
