// End-to-end: build examples/react with Vite, serve it from node:http and drive
// the system's headless Chromium (Debian `chromium`) through playwright-core.
// No browser is ever downloaded. Without Chromium the test is skipped, loudly,
// unless CI is set: then a missing browser is a failure, never a silent skip.
import {spawnSync} from 'node:child_process'
import {readFile, mkdtemp, rm} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {chromium, type BrowserContext} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ROOT} from '../helpers.js'
import {browserPolicy} from './browser-policy.js'

const POLICY = browserPolicy(process.env)
const RUN = POLICY.action !== 'skip'
if (POLICY.action === 'skip') console.warn(`\n${POLICY.reason}\n`)

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
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

const name = RUN
  ? 'the React example: a ticked item survives a reload, round 3 reads "fourth", no console errors'
  : 'the React example in Chromium (SKIPPED: no Chromium; apt-get install -y chromium)'

describe.skipIf(!RUN)('examples/react in headless Chromium', () => {
  let scratch: string
  let server: Server | undefined
  let context: BrowserContext | undefined

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'ace-e2e-'))
  })
  afterAll(async () => {
    await context?.close()
    await new Promise((resolve) => (server === undefined ? resolve(undefined) : server.close(resolve)))
    await rm(scratch, {recursive: true, force: true})
  })

  it(name, async () => {
    if (POLICY.action !== 'run') throw new Error(POLICY.reason)
    const out = path.join(scratch, 'site')
    // A child process: vitest sets NODE_ENV=test, and the example must be
    // built as an app ships it (React's production build, production JSX).
    const vite = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(ROOT, 'examples/react/vite.config.ts'), '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'],
      {cwd: ROOT, encoding: 'utf8', env: {...process.env, NODE_ENV: 'production'}},
    )
    expect(vite.status, vite.stderr).toBe(0)
    server = await serve(out)
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
    const item = page.locator('input[data-item-id="recall-potential-shown"]')
    await expect.poll(() => item.count()).toBe(1)
    expect(await item.isChecked()).toBe(false)
    await item.check()
    expect(await item.isChecked()).toBe(true)

    await page.reload()
    await page.locator('input[data-item-id="recall-potential-shown"]').waitFor()
    expect(await page.locator('input[data-item-id="recall-potential-shown"]').isChecked()).toBe(true)
    expect(await page.locator('input[data-item-id="write-earned-chance-note"]').isChecked()).toBe(false)

    const step6 = page.locator('section#get-ready-for-number-three')
    expect(await step6.innerText()).toContain('Before your third interview, go back through steps 1 to 5.')
    await page.selectOption('select[aria-label="Interview round"]', '3')
    await expect.poll(() => step6.innerText()).toContain('Before your fourth interview, go back through steps 1 to 5.')
    expect(await step6.innerText()).not.toContain('third interview')
    // Ticks belong to item ids, not rounds: still ticked in round 3.
    expect(await page.locator('input[data-item-id="recall-potential-shown"]').isChecked()).toBe(true)

    const screenshot = process.env['E2E_SCREENSHOT']
    if (screenshot !== undefined) await page.screenshot({path: screenshot, fullPage: true})
    expect(problems).toEqual([])
  })
})
