// What the browser tests share: a static server for a built folder, Debian's
// Chromium launched headless with the flags this closed network needs, and a
// page's console errors collected. No browser is ever downloaded.
import {readFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {chromium, type BrowserContext, type Page} from 'playwright-core'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/**
 * Serve a folder over HTTP on a free loopback port (`index.html` for `/`).
 *
 * @param directory The folder to serve; nothing outside it is ever read.
 * @returns The listening server and its base URL.
 */
export async function serve(directory: string): Promise<{server: Server; url: string}> {
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`}
}

/** Close a server made by {@link serve}, if there is one. */
export async function close(server: Server | undefined): Promise<void> {
  await new Promise((resolve) => (server === undefined ? resolve(undefined) : server.close(resolve)))
}

/**
 * Start headless Chromium with a new profile. Without the background-networking
 * flags its connections are refused by this machine's closed network.
 *
 * @param profile A new, empty folder for the profile.
 * @param executablePath The Chromium binary (from `browserPolicy`).
 * @param locale The browser's language (`navigator.languages`); the guide's
 *   source locale unless a test asks for another.
 */
export async function launch(profile: string, executablePath: string, locale = 'en-GB'): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    locale,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/**
 * The context's page, with every console error and uncaught error collected.
 *
 * @returns The page and the list the problems are pushed to.
 */
export async function openPage(context: BrowserContext): Promise<{page: Page; problems: string[]}> {
  const page = context.pages()[0] ?? (await context.newPage())
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`))
  return {page, problems}
}
