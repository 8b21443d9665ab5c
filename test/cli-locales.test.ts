// The command line's `locales` command and `check --strict`, in process, on
// fixture content this test owns (valid/ and its `es` translation).
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cli as inProcess} from './bin.js'
import {translationStatus} from '../pipeline/check.js'
import {FIXTURES, VALID_LOCALE, copyFixture} from './fixture-content.js'

let scratch: string
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ace-cli-locales-'))
})
afterAll(async () => {
  await rm(scratch, {recursive: true, force: true})
})

let count = 0
/** A content folder under `scratch`, named `name`: valid/ and its translation, with a step of it removed. */
async function content(name = `content-${count++}`, change?: (folder: string) => Promise<void>): Promise<string> {
  const folder = path.join(scratch, name)
  await copyFixture(path.join(FIXTURES, 'valid'), folder)
  await copyFixture(VALID_LOCALE, folder)
  await rm(path.join(folder, 'locales/es/steps/03-da-ejemplos-concretos.md'))
  await change?.(folder)
  return name
}

const cli = async (args: readonly string[]) => inProcess(args, {cwd: scratch, env: {NO_COLOR: '1'}})

describe('ace-second-interview locales', () => {
  it('prints a row per locale, the source first, with its steps and items current, outdated and missing, then the ids to translate', async () => {
    const dir = await content()
    const {locales} = await translationStatus(dir, {cwd: scratch})
    const {status, stdout, stderr} = await cli(['locales', dir])
    expect({status, stderr}).toEqual({status: 0, stderr: ''})
    const [head, table, todo] = stdout.trimEnd().split('\n\n')
    expect(head).toBe(`Translations of ${dir} (${locales[0]!.steps.total} steps, ${locales[0]!.items.total} items)`)
    const [header, ...rows] = table!.split('\n')
    expect(header?.split(/ {2,}/)).toEqual(['locale', 'introduction', 'steps current', 'outdated', 'missing', 'items current', 'outdated', 'missing'])
    expect(rows.map((row) => row.split(/ {2,}/))).toEqual(
      locales.map((l) => [`${l.locale}${l.source ? ' (source)' : ''}`, l.introduction, ...[l.steps, l.items].flatMap((c) => [c.current, c.outdated, c.missing].map(String))]),
    )
    expect(todo?.split('\n')).toEqual([
      'To translate (the ids `npm run content:translated -- <locale>` takes):',
      ...locales.flatMap((l) => [['outdated', l.outdatedIds], ['missing', l.missingIds]].flatMap(([state, ids]) => (ids!.length === 0 ? [] : [`  ${l.locale} ${String(state)}: ${(ids as string[]).join(' ')}`]))),
    ])
    // The missing step and its items show as missing in es, by id.
    const es = locales.find((l) => l.locale === 'es')!
    expect(es.steps.missing).toBe(1)
    expect(es.missingIds).toContain('be-specific')
    expect(es.missingIds).toHaveLength(es.steps.missing + es.items.missing)
  })

  it('names outdated units, and counts a step copied from the source (not translated yet) as missing', async () => {
    const dir = await content(undefined, async (folder) => {
      const source = path.join(folder, 'steps/01-have-confidence.md')
      await writeFile(source, (await readFile(source, 'utf8')).replace('Check that the way you plan', 'Make sure the way you plan'))
      await cp(path.join(folder, 'steps/03-be-specific.md'), path.join(folder, 'locales/es/steps/03-be-specific.md'))
    })
    const {locales} = await translationStatus(dir, {cwd: scratch})
    const es = locales.find((l) => l.locale === 'es')!
    expect(es.outdatedIds).toEqual(['check-confidence-not-arrogance'])
    expect(es.missingIds[0]).toBe('be-specific')
    expect(es.steps).toMatchObject({missing: 1, outdated: 0})
    const {stdout} = await cli(['locales', dir])
    expect(stdout).toContain('\n  es outdated: check-confidence-not-arrogance\n')
    expect(stdout).toContain(`\n  es missing: ${es.missingIds.join(' ')}\n`)
  })

  it('counts the introduction of a translation without a guide.md as missing, not as current', async () => {
    const dir = await content(undefined, (folder) => rm(path.join(folder, 'locales/es/guide.md')))
    const {locales} = await translationStatus(dir, {cwd: scratch})
    const es = locales.find((l) => l.locale === 'es')!
    expect(es.introduction).toBe('missing')
    expect(es.missingIds[0]).toBe('introduction')
  })

  it('lists nothing to translate when every translation is current', async () => {
    const name = `current-${count++}`
    await copyFixture(path.join(FIXTURES, 'valid'), path.join(scratch, name))
    await copyFixture(VALID_LOCALE, path.join(scratch, name))
    const {stdout} = await cli(['locales', name])
    expect(stdout).not.toContain('To translate')
    expect((await translationStatus(name, {cwd: scratch})).locales.every((l) => l.outdatedIds.length === 0 && l.missingIds.length === 0)).toBe(true)
  })

  it('prints the counts as JSON and as a markdown table', async () => {
    const dir = await content()
    const {locales} = await translationStatus(dir, {cwd: scratch})
    const json = await cli(['locales', dir, '--format', 'json'])
    expect(JSON.parse(json.stdout)).toEqual(locales)
    const markdown = await cli(['locales', dir, '--format', 'markdown'])
    const lines = markdown.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(2 + locales.length)
    expect(lines[1]).toBe('|---|---|---:|---:|---:|---:|---:|---:|')
    expect(lines.slice(2).map((line) => line.split(' | ')[0])).toEqual(locales.map((l) => `| ${l.locale}${l.source ? ' (source)' : ''}`))
  })

  it('escapes control characters from the folder name', async () => {
    const dir = await content('con\u001B[31mtent')
    const {stdout} = await cli(['locales', dir])
    expect(stdout).not.toContain('\u001B')
    expect(stdout.split('\n')[0]).toContain('con\\x1b[31mtent')
  })

  const failures = [
    {name: 'a folder that is not there', args: ['locales', 'nowhere'], status: 2, stderr: /^ace-second-interview locales: expected \[content-dir\] to be a folder, found nothing at "nowhere"\n$/},
    {name: 'an unknown format', args: ['locales', '--format', 'yaml'], status: 2, stderr: /expected --format to be one of text, markdown, json, received "yaml"/},
  ] as const
  it.each(failures)('exits $status for $name', async ({args, status, stderr}) => {
    const ran = await cli(args)
    expect(ran.status).toBe(status)
    expect(ran.stderr).toMatch(stderr)
  })

  it('exits 1 and shows the errors first when the content has errors', async () => {
    const dir = await content(undefined, async (folder) => {
      const file = path.join(folder, 'locales/es/steps/01-ten-confianza.md')
      await writeFile(file, (await readFile(file, 'utf8')).replace('step: 1', 'step: 4'))
    })
    const {status, stderr} = await cli(['locales', dir])
    expect(status).toBe(1)
    expect(stderr).toMatch(/01-ten-confianza\.md:3:7: error .* translation-parity/)
  })

  it('is listed in the help', async () => {
    const {stdout} = await cli(['--help'])
    expect(stdout).toMatch(/^ {2}locales \[content-dir\] \[--format <format>\] +Print, per locale/m)
    // And among the commands its exit status line says exit 1 on content errors.
    expect(stdout).toMatch(/^Exit status: .*1 content errors \([^)]*\blocales\b/m)
  })
})

describe('ace-second-interview check --strict', () => {
  it('fails on warnings (a missing translation) that a plain check lets pass, and --format json carries them', async () => {
    const dir = await content()
    const plain = await cli(['check', dir])
    expect(plain.status).toBe(0)
    // Counted in one line for the locale; --verbose prints it.
    expect(plain.stdout).toMatch(/locales\/es: 1 warning that the translation is behind the source \(1 translation-missing\); `.* --verbose` lists each\n0 errors, 1 warning\n$/)
    expect((await cli(['check', dir, '--verbose'])).stdout).toMatch(/warning Expected a translation of step `be-specific`.*translation-missing\n[^]*0 errors, 1 warning\n$/)
    const strict = await cli(['check', dir, '--strict'])
    expect(strict.status).toBe(1)
    expect(strict.stdout).toBe(plain.stdout)
    const json = await cli(['check', dir, '--strict', '--format', 'json'])
    expect(json.status).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({file: path.join(dir, 'locales/es/guide.md'), ruleId: 'translation-missing', severity: 'warning', fatal: false})])
  })

  it('passes clean content under --strict', async () => {
    const name = `clean-${count++}`
    await copyFixture(path.join(FIXTURES, 'valid'), path.join(scratch, name))
    await copyFixture(VALID_LOCALE, path.join(scratch, name))
    expect(await cli(['check', name, '--strict'])).toMatchObject({status: 0, stderr: ''})
  })
})
