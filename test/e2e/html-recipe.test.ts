// Issue 10 (item 7): the README's plain-HTML recipe, served over HTTP from a
// folder holding the packed package's install (as the README says to), in
// headless Chromium. The page is the README block itself, so the recipe
// cannot drift from this test. Skipped, saying so, without Chromium (a
// failure under CI), like test/e2e/browser.test.ts.
import {mkdtemp, readFile, rm, symlink, writeFile, mkdir} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {chromium, type BrowserContext} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest'
import {listSteps} from '../../src/index.js'
import {ROOT} from '../helpers.js'
import {fencedBlocks} from '../readme-blocks.js'
import {browserPolicy} from './browser-policy.js'

const POLICY = browserPolicy(process.env)
const RUN = POLICY.action !== 'skip'
if (POLICY.action === 'skip') console.warn(`\n${POLICY.reason}\n`)
const NAME = 'ace-second-interview'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
}

function serve(directory: string): Promise<Server> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    const file = path.join(directory, pathname === '/' ? 'index.html' : pathname)
    if (!file.startsWith(directory + path.sep)) {
      response.writeHead(403).end()
      return
    }
    readFile(file).then(
      (body) => response.writeHead(200, {'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream'}).end(body),
      () => response.writeHead(404).end('not found'),
    )
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

describe.skipIf(!RUN)('the README plain-HTML recipe in headless Chromium', () => {
  let scratch: string
  let server: Server | undefined
  let context: BrowserContext | undefined

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'ace-html-recipe-'))
  })
  afterAll(async () => {
    await context?.close()
    await new Promise((resolve) => (server === undefined ? resolve(undefined) : server.close(resolve)))
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
    server = await serve(site)
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`

    context = await chromium.launchPersistentContext(path.join(scratch, 'profile'), {
      executablePath: POLICY.executable,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    const page = context.pages()[0] ?? (await context.newPage())
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`))
    await page.goto(url)
    const titles = page.locator('#guide section h2')
    await expect.poll(() => titles.count()).toBe(listSteps().length)
    expect(await titles.allInnerTexts()).toEqual(listSteps().map((step) => step.title))
    expect(await page.locator('#guide > p').count()).toBeGreaterThan(0)
    expect(problems).toEqual([])
  })
})
