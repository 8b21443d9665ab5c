// Crash safety of the scripts' writes (pipeline/atomic.ts): a kill after any
// durable step, then the repair the next run performs, leaves the old state
// or the new one, never a mix and never nothing.
import {spawnSync} from 'node:child_process'
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {commitFiles, recoverCommit, repairSwap, swapDirectory, writeFileAtomic} from '../pipeline/atomic.js'
import {countWrites} from './disk-writes.js'
import {ROOT} from './helpers.js'

const folders: string[] = []
afterAll(async () => {
  for (const folder of folders) await rm(folder, {recursive: true, force: true})
})
async function scratch(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'ace-atomic-'))
  folders.push(folder)
  return folder
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file beside it', async () => {
    const folder = await scratch()
    const file = path.join(folder, 'a.json')
    await writeFile(file, 'old')
    await writeFileAtomic(file, 'new')
    expect(await readFile(file, 'utf8')).toBe('new')
    expect(await readdir(folder)).toEqual(['a.json'])
  })
})

describe('commitFiles and recoverCommit', () => {
  async function setUp() {
    const folder = await scratch()
    await mkdir(path.join(folder, 'content'))
    const targets = ['a.json', 'b.json', 'content/c.json'].map((name) => path.join(folder, name))
    for (const target of targets) await writeFile(target, `old ${path.basename(target)}`)
    return {folder, targets, journal: path.join(folder, '.journal'), writes: targets.map((target) => ({path: target, text: `new ${path.basename(target)}`}))}
  }
  const state = async (targets: readonly string[]) => Promise.all(targets.map((target) => readFile(target, 'utf8')))

  it('after a kill at any write, the repair leaves all files old (before the journal) or all new (after it)', async () => {
    const full = await setUp()
    const steps = await countWrites(full.folder, () => commitFiles(full.journal, full.writes))
    // Each file aside, the journal aside and renamed in, each file renamed in, the journal removed.
    expect(steps).toBe(full.writes.length * 2 + 3)

    for (let kill = 1; kill <= steps; kill += 1) {
      const {folder, targets, journal, writes} = await setUp()
      expect(await countWrites(folder, () => commitFiles(journal, writes), (n) => n === kill)).toBe(kill)
      await recoverCommit(journal, targets)
      const committed = kill > writes.length + 1
      expect(await state(targets), `kill after step ${kill}`).toEqual(targets.map((target) => `${committed ? 'new' : 'old'} ${path.basename(target)}`))
      expect([...(await readdir(folder)), ...(await readdir(path.join(folder, 'content')))].sort()).toEqual(['a.json', 'b.json', 'c.json', 'content'])
    }
  })

  it('has nothing to repair after a complete commit', async () => {
    const {targets, journal, writes} = await setUp()
    await commitFiles(journal, writes)
    expect(await recoverCommit(journal, targets)).toEqual([])
  })

  it('refuses a journal that names a file it was not told about', async () => {
    const {folder, targets, journal} = await setUp()
    // Named after one it knows, whose temporary file is not renamed in either.
    await writeFile(path.join(folder, 'a.json.commit-1.tmp'), 'new a.json')
    await writeFile(journal, JSON.stringify({files: [{path: 'a.json', temp: 'a.json.commit-1.tmp'}, {path: '../elsewhere', temp: '../elsewhere.commit-1.tmp'}]}))
    await expect(recoverCommit(journal, targets)).rejects.toThrow(`expected the journal ${journal} to name only`)
    expect(await state(targets)).toEqual(['old a.json', 'old b.json', 'old c.json'])
    expect(await readdir(folder)).toContain('.journal')
  })

  it.each([
    ['an entry that is not an object', [null]],
    ['a path that is not a string', [{path: 1, temp: 2}]],
    // Renamed over a.json, b.json (a file the commit also writes) would be gone.
    ['a temporary file that is another target', [{path: 'a.json', temp: 'b.json'}]],
  ])('refuses a journal it did not write (%s) in one line, before it renames anything', async (_name, files) => {
    const {folder, targets, journal} = await setUp()
    await writeFile(journal, JSON.stringify({files}))
    await expect(recoverCommit(journal, targets)).rejects.toMatchObject({code: 'ERR_INVALID_JOURNAL', message: expect.stringContaining(`expected ${journal} to be the journal an interrupted run wrote`)})
    expect(await state(targets)).toEqual(['old a.json', 'old b.json', 'old c.json'])
  })
})

describe('swapDirectory and repairSwap', () => {
  async function setUp() {
    const folder = await scratch()
    const target = path.join(folder, 'dist')
    const staging = path.join(folder, `dist.staging-${process.pid}`)
    await mkdir(target)
    await writeFile(path.join(target, 'index.js'), 'old')
    await mkdir(staging)
    await writeFile(path.join(staging, 'index.js'), 'new')
    return {folder, target, staging}
  }
  // In-process kills leave folders named for this (running) process: treat it as dead.
  const dead = () => false

  it('after a kill at any write, the repair leaves dist/ as the old build or the new one, and no leftovers', async () => {
    const full = await setUp()
    // The old folder moved aside, the new one moved in, the old one removed.
    expect(await countWrites(full.folder, () => swapDirectory(full.staging, full.target))).toBe(3)
    for (let kill = 1; kill <= 3; kill += 1) {
      const {folder, target, staging} = await setUp()
      expect(await countWrites(folder, () => swapDirectory(staging, target), (n) => n === kill)).toBe(kill)
      await repairSwap(target, dead)
      expect(await readFile(path.join(target, 'index.js'), 'utf8'), `kill after step ${kill}`).toBe(kill === 1 ? 'old' : 'new')
      expect(await readdir(folder), `kill after step ${kill}`).toEqual(['dist'])
    }
  })

  it('swaps a complete build in, and moves one in when there was none', async () => {
    const {folder, target, staging} = await setUp()
    await swapDirectory(staging, target)
    expect(await readFile(path.join(target, 'index.js'), 'utf8')).toBe('new')
    expect(await readdir(folder)).toEqual(['dist'])
    await rm(target, {recursive: true})
    await mkdir(staging)
    await writeFile(path.join(staging, 'index.js'), 'first')
    await swapDirectory(staging, target)
    expect(await readFile(path.join(target, 'index.js'), 'utf8')).toBe('first')
  })

  it('leaves the folders of a build that is still running alone', async () => {
    const {folder, target, staging} = await setUp()
    await rm(target, {recursive: true})
    expect(await repairSwap(target)).toBeUndefined()
    expect(await readdir(folder)).toEqual([path.basename(staging)])
  })

  it('puts dist/ back after a real SIGKILL between the two renames', async () => {
    const {folder, target, staging} = await setUp()
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/crash-child.ts'), '1', 'swap', staging, target], {cwd: ROOT, encoding: 'utf8'})
    expect(child.signal, child.stderr).toBe('SIGKILL')
    // What the issue saw: no dist/, only the old and staging folders.
    expect((await readdir(folder)).sort()).toEqual([`dist.old-${child.pid}`, path.basename(staging)].sort())
    expect(await repairSwap(target)).toBe(`${target}.old-${child.pid}`)
    expect(await readFile(path.join(target, 'index.js'), 'utf8')).toBe('old')
    // The staging folder is named for this process (still running), so it stays.
    expect((await readdir(folder)).sort()).toEqual(['dist', path.basename(staging)].sort())
  }, 60_000)
})
