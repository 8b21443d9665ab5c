// The release loop an editor follows (README, "Editing the content"): edit the
// markdown, `npm run content:version`, `npm run build`, then the tests. Run
// here on a copy of this repository, with the real commands, for each kind of
// release the versioning policy allows (content:version through the function
// its script calls, in this process: the five releases would otherwise pay
// five tsx start-ups; test/content-version.test.ts spawns the script itself); the test files that read the shipped
// content (the `content`, `types` and `shipped` projects in vitest.config.ts)
// must then pass with no edit. A test that pins today's content (its step
// count, version, ids or words) fails here.
import {spawnSync} from 'node:child_process'
import {cp, mkdtemp, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Manifest} from '../pipeline/manifest.js'
import {type Bump, bumpVersion} from '../pipeline/versioning.js'
import {contentVersion} from '../scripts/lib/content-version.js'
import {ROOT} from './helpers.js'
import {type ContentFiles, readContentFiles} from './shipped-content.js'

const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs')
const VITEST = path.join(ROOT, 'node_modules/vitest/vitest.mjs')
/** Not copied: installed, built or generated, or not the project's. */
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'coverage', 'test-results.json'])
/** The projects holding every test file that reads the shipped content. */
const CONTENT_PROJECTS = ['content', 'types', 'shipped']
/** Minutes, on a busy machine: the build bundles and type-checks the package. */
const SLOW = 10 * 60_000

let copy: string

/** Run a command of the copy the way an editor does, from its root; never coloured. */
function run(args: readonly string[]) {
  // A vitest run inside this one must not take this run's worker settings.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))
  const result = spawnSync(process.execPath, [...args], {cwd: copy, encoding: 'utf8', env: {...env, NO_COLOR: '1', FORCE_COLOR: '0'}, maxBuffer: 64 * 2 ** 20})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}\n${result.stderr}`}
}

const file = (name: string): string => path.join(copy, 'content', name)
const read = async (name: string): Promise<string> => readFile(file(name), 'utf8')
const content = async (): Promise<ContentFiles> => readContentFiles(path.join(copy, 'content'))
const version = async (): Promise<string> => (JSON.parse(await readFile(path.join(copy, 'package.json'), 'utf8')) as {version: string}).version

/** `2+`, `2-4` or `2`: the guide's rounds as front matter writes them. */
function roundsText({from, to}: ContentFiles['rounds']): string {
  return to === null ? `${from}+` : to === from ? `${from}` : `${from}-${to}`
}

/** An id no release has used (ids are forever, so a retired one will not do). */
async function freshId(stem: string): Promise<string> {
  const manifest = JSON.parse(await read('manifest.json')) as Manifest
  const used = new Set(manifest.releases.flatMap((release) => [...Object.keys(release.steps), ...Object.keys(release.items)]))
  for (const step of (await content()).steps) for (const id of [step.id, ...step.itemIds]) used.add(id)
  let n = 1
  while (used.has(`${stem}-${n}`)) n++
  return `${stem}-${n}`
}

/** The lines of a step file's checklist items. */
const itemLines = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('- [ ] '))

// Each release edits the copy's markdown only, as an editor would, working
// from whatever content it finds there.
const releases: ReadonlyArray<{name: string; bump: Bump; edit: () => Promise<void>}> = [
  {
    name: 'a paragraph of step 3 reworded',
    bump: 'patch',
    async edit() {
      const {steps} = await content()
      const step = steps.find((entry) => entry.number === 3) ?? steps[0]!
      const text = await read(step.file)
      // The body's first paragraph follows the `# Title` line and a blank line.
      const reworded = text.replace(/^(# .+\n\n)(.+)$/m, (_, heading: string, paragraph: string) => `${heading}${paragraph} Take your time over it.`)
      expect(reworded).not.toBe(text)
      await writeFile(file(step.file), reworded)
    },
  },
  {
    name: 'a checklist item added',
    bump: 'minor',
    async edit() {
      const {steps, rounds} = await content()
      const step = steps.find((entry) => entry.itemIds.length < 5)!
      const text = await read(step.file)
      const last = itemLines(text).at(-1)!
      const item = `- [ ] Write down one question you want to ask about the role. {#${await freshId('release-loop-item')} rounds=${roundsText(rounds)}}`
      await writeFile(file(step.file), text.replace(last, `${last}\n${item}`))
    },
  },
  {
    name: 'a checklist item removed',
    bump: 'major',
    async edit() {
      // One of the items the content had before this loop began: published
      // long ago, so its id is retired and any test still naming it fails.
      const {steps} = await content()
      const step = steps.find((entry) => entry.itemIds.some((id) => !id.startsWith('release-loop-')) && entry.itemIds.length > 1)!
      const id = step.itemIds.find((entry) => !entry.startsWith('release-loop-'))!
      const text = await read(step.file)
      const line = itemLines(text).find((entry) => entry.includes(`{#${id} `))!
      await writeFile(file(step.file), text.replace(`${line}\n`, ''))
    },
  },
  {
    name: 'a checklist item renamed with replaces=',
    bump: 'minor',
    async edit() {
      // Another of the original items gets a new id that declares the old one.
      const {steps} = await content()
      const step = steps.find((entry) => entry.itemIds.some((id) => !id.startsWith('release-loop-')))!
      const id = step.itemIds.find((entry) => !entry.startsWith('release-loop-'))!
      const renamed = await freshId('release-loop-renamed')
      const text = await read(step.file)
      const line = itemLines(text).find((entry) => entry.includes(`{#${id} `))!
      await writeFile(file(step.file), text.replace(line, line.replace(`{#${id} `, `{#${renamed} `).replace(/\}$/, ` replaces=${id}}`)))
    },
  },
  {
    name: 'a step added, with the title counting it',
    bump: 'minor',
    async edit() {
      const {steps, rounds} = await content()
      const number = steps.length + 1
      const id = await freshId('release-loop-step')
      const guide = await read('guide.md')
      await writeFile(file('guide.md'), guide.replace(/^(# .*\b)(\d+)( Steps\b)/m, (whole, before: string, count: string, after: string) => (Number(count) === steps.length ? `${before}${number}${after}` : whole)))
      const step = [
        '---',
        `id: ${id}`,
        `step: ${number}`,
        'summary: Look back on the round while it is still fresh in your mind.',
        '---',
        '',
        '# Look back on the round',
        '',
        'Once the interview is over, take a quiet moment to look back on it.',
        '',
        'Note what went well and what you would change next time.',
        '',
        '## Checklist',
        '',
        `- [ ] Write down what went well in your {round} interview. {#${id}-went-well rounds=${roundsText(rounds)}}`,
        `- [ ] Write down one thing to change before your {next} interview. {#${id}-change rounds=${roundsText(rounds)}}`,
        '',
      ].join('\n')
      await writeFile(file(`steps/${String(number).padStart(2, '0')}-${id}.md`), step)
    },
  },
]

beforeAll(async () => {
  copy = await mkdtemp(path.join(tmpdir(), 'ace-release-loop-'))
  for (const name of await readdir(ROOT)) {
    if (SKIPPED.has(name) || name.startsWith('dist.')) continue
    // src/generated/ is left behind too: the build writes it from the content.
    await cp(path.join(ROOT, name), path.join(copy, name), {recursive: true, filter: (from) => path.relative(ROOT, from) !== path.join('src', 'generated')})
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir')
})
afterAll(async () => {
  await rm(copy, {recursive: true, force: true})
})

describe('the release loop, on a copy of this repository', () => {
  it.each(releases.map((release, index) => ({...release, day: index + 1})))('$name: `npm run content:version` records a $bump release', async ({bump, edit, day}) => {
    const before = await version()
    await edit()
    // `npm run content:version -- --date …`, run from the copy's root.
    let stdout = ''
    let stderr = ''
    const status = await contentVersion(['--date', `2030-01-${String(day).padStart(2, '0')}`], {
      stdout: {write: (text: string) => (stdout += text)},
      stderr: {write: (text: string) => (stderr += text)},
      root: copy,
    })
    const result = {status, stdout, output: `${stdout}\n${stderr}`}
    expect(result.status, result.output).toBe(0)
    const after = bumpVersion(before, bump)
    expect(result.stdout).toContain(`${before} → ${after} (${bump})`)
    expect(await version()).toBe(after)
  })

  it('builds the released content (`npm run build`)', () => {
    const result = run([TSX, 'scripts/build.ts'])
    expect(result.status, result.output).toBe(0)
  }, SLOW)

  it('passes every test file that reads the shipped content, unedited', async () => {
    const projects = CONTENT_PROJECTS.flatMap((name) => ['--project', name])
    const result = run([VITEST, 'run', ...projects])
    // The copy's vitest.config.ts writes the JSON report CI reads.
    const results = JSON.parse(await readFile(path.join(copy, 'test-results.json'), 'utf8').catch(() => 'null')) as {
      numTotalTests: number
      testResults: Array<{name: string; status: string; message?: string; assertionResults: Array<{fullName: string; status: string; failureMessages: string[]}>}>
    } | null
    expect(results, result.output).not.toBeNull()
    const failures = results!.testResults.flatMap((entry) => {
      const where = path.relative(copy, entry.name)
      const failed = entry.assertionResults.filter((test) => test.status === 'failed')
      if (failed.length === 0) return entry.status === 'failed' ? [`${where}: ${entry.message ?? 'failed to load'}`] : []
      return failed.map((test) => `${where} > ${test.fullName}: ${(test.failureMessages[0] ?? '').split('\n')[0]}`)
    })
    expect(failures).toEqual([])
    expect(result.status, result.output).toBe(0)
    expect(results!.numTotalTests).toBeGreaterThan(0)
  }, SLOW)
})
