// A fresh clone has no dist/ and no src/generated/: the content check, the
// first thing content/README.md tells an editor to run, must work there. It is also
// where the suite checks the shipped content's spelling, in every locale.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdir, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Io} from '../cli/command.js'
import {checkContentCommand} from '../scripts/check-content.js'
import {ROOT} from './helpers.js'

let clone: string

beforeAll(async () => {
  clone = await mkdtemp(path.join(tmpdir(), 'ace-clone-'))
  // What git would check out: the tracked files (as they are in the working
  // tree), nothing generated or built.
  const tracked = execFileSync('git', ['ls-files', '-z'], {cwd: ROOT, encoding: 'utf8'}).split('\0').filter(Boolean)
  for (const folder of new Set(tracked.map((file) => path.dirname(file)))) await mkdir(path.join(clone, folder), {recursive: true})
  await Promise.all(
    tracked.map((file) =>
      cp(path.join(ROOT, file), path.join(clone, file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error // deleted in the working tree, not yet committed
      }),
    ),
  )
  // node_modules as `npm ci` leaves it: the same packages, and the check
  // package linked to the clone's own packages/check/, not built.
  await mkdir(path.join(clone, 'node_modules'))
  for (const name of await readdir(path.join(ROOT, 'node_modules'))) {
    await symlink(name === 'ace-second-interview-check' ? path.join(clone, 'packages/check') : path.join(ROOT, 'node_modules', name), path.join(clone, 'node_modules', name), 'dir')
  }
})
afterAll(async () => {
  await rm(clone, {recursive: true, force: true})
})

// As `npm run check:content` runs (its command, from package.json): its own
// process, which imports only what the clone has (no dist/, no src/generated/).
async function spawnCheck(args: readonly string[] = []) {
  const {scripts} = JSON.parse(await readFile(path.join(clone, 'package.json'), 'utf8')) as {scripts: Record<string, string>}
  const [program, ...command] = scripts['check:content']!.split(' ')
  expect(program).toBe('node')
  const run = spawnSync(process.execPath, [...command, ...args], {cwd: clone, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

// The same command in this process, for its reports and refusals.
async function checkContent(args: readonly string[] = []) {
  let stdout = ''
  let stderr = ''
  const io: Io = {stdout: {write: (text: string) => (stdout += text)}, stderr: {write: (text: string) => (stderr += text)}, env: {NO_COLOR: '1'}, cwd: clone}
  const status = await checkContentCommand(args, io)
  return {status, stdout, stderr}
}

describe('npm run check:content on a fresh clone', () => {
  it('has neither dist/ nor src/generated/ to lean on', async () => {
    for (const folder of ['dist', 'src/generated']) {
      await expect(readFile(path.join(clone, folder, 'x')).catch((error: NodeJS.ErrnoException) => error.code)).resolves.toBe('ENOENT')
    }
  })

  it('checks content/ in full, every locale spelt, and passes it: at most translations behind, as warnings', async () => {
    // The one check of the shipped content with every spelling dictionary
    // loaded, so the suite pays for them once.
    const run = await spawnCheck(['--format', 'json'])
    expect(run.stderr).toBe('')
    const found = JSON.parse(run.stdout) as Array<{file: string; line: number; column: number; ruleId: string; severity: string; reason: string}>
    // A source release leaves its translations behind until a translator
    // catches up (outdated, missing, following an earlier release's items,
    // or stating its old step count): a warning that never stops a release. Anything else (a
    // misspelling, a repeated word, a dictionary not found) is the content's to fix.
    const behind = new Set(['translation-outdated', 'translation-missing', 'translation-parity'])
    const unexpected = found.filter((d) => !(behind.has(d.ruleId) || (d.ruleId === 'step-count' && d.file.startsWith('content/locales/'))) || d.severity !== 'warning').map((d) => `${d.file}:${d.line}:${d.column}: ${d.reason}  ${d.ruleId}`)
    expect(unexpected, unexpected.join('\n')).toEqual([])
    expect(run.status).toBe(0)
    // Every file it names is in the clone: nothing from elsewhere was checked.
    for (const d of found) expect(existsSync(path.join(clone, d.file)), d.file).toBe(true)
  }, 180_000)

  it('reports a broken file at its place and exits 1, in every format', async () => {
    const guide = path.join(clone, 'content/guide.md')
    const text = await readFile(guide, 'utf8')
    // The translations set aside meanwhile: each would load its spelling
    // dictionary in each of the three processes, and the report of a broken
    // source file is what is tested here.
    const locales = path.join(clone, 'content/locales')
    const aside = path.join(clone, 'locales-aside')
    const hasLocales = existsSync(locales)
    if (hasLocales) await rename(locales, aside)
    try {
      await writeFile(guide, `${text}\n<div>html</div>\n`)
      const run = await checkContent()
      expect(run.status).toBe(1)
      expect(run.stdout).toMatch(/^content\/guide\.md:\d+:\d+: error .*no-html$/m)
      const json = await checkContent(['--format', 'json'])
      expect(json.status).toBe(1)
      expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({file: 'content/guide.md', ruleId: 'no-html', severity: 'error'})])
      expect((await checkContent(['--format', 'github'])).stdout).toMatch(/^::error file=content\/guide\.md,line=\d+,col=\d+,title=no-html::/)
    } finally {
      await writeFile(guide, text)
      if (hasLocales) await rename(aside, locales)
    }
  }, 180_000)

  it.each([
    {args: ['--format', 'xml'], reason: 'check:content: expected --format to be one of text, json, github, received "xml"'},
    {args: ['a', 'b'], reason: 'check:content: expected at most 1 argument, received also "b"'},
    // Node's own wording after the option's name.
    {args: ['--colour'], reason: expect.stringMatching(/^check:content: Unknown option '--colour'\./)},
  ])('$args: exit 2, the reason and the usage', async ({args, reason}: {args: string[]; reason: unknown}) => {
    const run = await checkContent(args)
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([reason, expect.stringMatching(/^usage: npm run check:content -- /)])
  })

  it('exits 2 with one line for a folder that does not exist', async () => {
    expect(await checkContent(['no/such/dir'])).toEqual({status: 2, stdout: '', stderr: 'check:content: expected [content-dir] to be a folder, found nothing at "no/such/dir"\n'})
  })
})
