// Issue 10 (item 7): the README's plain-HTML recipe, served over HTTP from a
// folder holding the packed package's install (as the README says to), in
// headless Chromium. The page is the README block itself, so the recipe
// cannot drift from this test. Skipped, saying so, without Chromium (a
// failure under CI), like test/e2e/browser.test.ts.
import {mkdir, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import type {Server} from 'node:http'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {BrowserContext} from 'playwright-core'
import {afterAll, beforeAll, beforeEach, describe, expect, inject, it} from 'vitest'
import {listSteps} from '../../src/index.js'
import {ROOT} from '../helpers.js'
import {fencedBlocks} from '../readme-blocks.js'
import {browserPolicy} from './browser-policy.js'
import {close, launch, openPage, serve} from './chromium.js'

const POLICY = browserPolicy(process.env)
const RUN = POLICY.action !== 'skip'
if (POLICY.action === 'skip') console.warn(`\n${POLICY.reason}\n`)
const NAME = 'ace-second-interview'

describe('the README plain-HTML recipe in headless Chromium', () => {
  // Skipped with the reason, which the run's verdict prints.
  beforeEach(({skip}) => skip(!RUN, POLICY.action === 'skip' ? POLICY.reason : ''))
  let scratch: string
  let server: Server | undefined
  let context: BrowserContext | undefined

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'ace-html-recipe-'))
  })
  afterAll(async () => {
    await context?.close()
    await close(server)
    await rm(scratch, {recursive: true, force: true})
  })

  it('served over HTTP, shows the introduction and every step title, with no console error', async () => {
    if (POLICY.action !== 'run') throw new Error(POLICY.reason)
    const blocks = fencedBlocks('README.md', await readFile(path.join(ROOT, 'README.md'), 'utf8')).filter((block) => block.lang === 'html')
    expect(blocks, 'README.md has one plain-HTML recipe').toHaveLength(1)
    const site = path.join(scratch, 'site')
    await mkdir(path.join(site, 'node_modules'), {recursive: true})
    await symlink(path.join(inject('packed').install, 'node_modules', NAME), path.join(site, 'node_modules', NAME), 'dir')
    await writeFile(path.join(site, 'index.html'), `<!doctype html>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n${blocks[0]!.code}`)
    let url: string
    ;({server, url} = await serve(site))
    context = await launch(path.join(scratch, 'profile'), POLICY.executable)
    const {page, problems} = await openPage(context)
    await page.goto(url)
    const titles = page.locator('#guide section h2')
    await expect.poll(() => titles.count()).toBe(listSteps().length)
    expect(await titles.allInnerTexts()).toEqual(listSteps().map((step) => step.title))
    expect(await page.locator('#guide > p').count()).toBeGreaterThan(0)
    expect(problems).toEqual([])
  })
})
