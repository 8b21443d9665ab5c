// Issue 24: a Next.js app (App Router, one client page, Turbopack, the
// default builder) loads any locale's render forms at run time through
// `loadLocaleContent`, from the packed package as installed; `next build`,
// then `next start`, driven in headless Chromium. Skipped, saying so, without
// Chromium (a failure under CI), like test/e2e/browser.test.ts.
import {type ChildProcess, execFile, spawn} from 'node:child_process'
import {once} from 'node:events'
import {mkdir, mkdtemp, symlink, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {promisify} from 'node:util'
import type {BrowserContext} from 'playwright-core'
import {afterAll, beforeEach, describe, expect, inject, it} from 'vitest'
import type {RenderModule} from '../../src/render/index.js'
import type * as Main from '../../src/index.js'
import {ROOT} from '../helpers.js'
import {browserPolicy} from './browser-policy.js'
import {launch, openPage} from './chromium.js'

const POLICY = browserPolicy(process.env)
const RUN = POLICY.action !== 'skip'
if (POLICY.action === 'skip') console.warn(`\n${POLICY.reason}\n`)
const NAME = 'ace-second-interview'
const NEXT = path.join(ROOT, 'node_modules/next/dist/bin/next')
// As an app ships (vitest sets NODE_ENV=test); Next.js sends no telemetry.
const ENV = {...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1'}

/** The app: a button per locale; a click loads that locale's render entry and shows its introduction and first round's checklist. */
const FILES = {
  // The app's node_modules links to the repository's next and React and to
  // the packed install, all outside the app's folder; Turbopack compiles
  // nothing outside its root, so the root is the filesystem's.
  'next.config.mjs': `export default {turbopack: {root: '/'}}\n`,
  // No favicon.ico: an icon of its own, or the browser's request for one is a 404 on the console.
  'app/layout.jsx': `export const metadata = {icons: 'data:,'}

export default function RootLayout({children}) {
  return <html lang="en"><body>{children}</body></html>
}
`,
  'app/page.jsx': `'use client'
import {useState} from 'react'
import {guide, locales} from '${NAME}'
import {loadLocaleContent} from '${NAME}/render'

export default function Page() {
  const [shown, setShown] = useState(null)
  const show = async (locale) => {
    const {getIntroContent, checklistContentForRound} = await loadLocaleContent(locale)
    setShown({locale, intro: getIntroContent().html, items: checklistContentForRound(guide.rounds.from)})
  }
  return (
    <main>
      {locales.map((locale) => <button key={locale} type="button" data-locale={locale} onClick={() => show(locale)}>{locale}</button>)}
      {shown && (
        <article lang={shown.locale}>
          <div id="intro" dangerouslySetInnerHTML={{__html: shown.intro}} />
          <ul>{shown.items.map((item) => <li key={item.id} data-item-id={item.id} dangerouslySetInnerHTML={{__html: item.html}} />)}</ul>
        </article>
      )}
    </main>
  )
}
`,
}

/** Wait for a spawned `next start` to say it is ready: resolves with the URL it listens on, rejects if it exits first. */
function start(app: string, server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    server.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      const url = /- Local:\s+(http:\/\/\S+)/.exec(output)?.[1]
      if (url !== undefined && /Ready in/.test(output)) resolve(url)
    })
    server.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    server.on('error', reject)
    server.on('exit', (code) => reject(new Error(`next start in ${app} exited (${code}) before it was ready:\n${output}`)))
  })
}

describe('a Next.js app in headless Chromium', () => {
  // Skipped with the reason, which the run's verdict prints.
  beforeEach(({skip}) => skip(!RUN, POLICY.action === 'skip' ? POLICY.reason : ''))
  let server: ChildProcess | undefined
  let context: BrowserContext | undefined
  afterAll(async () => {
    await context?.close()
    if (server !== undefined && server.exitCode === null && server.signalCode === null) {
      server.kill()
      await once(server, 'exit')
    }
  })

  const name = RUN
    ? 'built by next build, loads two locales at run time, each from a chunk of its own, showing what their render entries say'
    : 'a Next.js app loading locales at run time (SKIPPED: no Chromium; apt-get install -y chromium)'
  it(name, async () => {
    if (POLICY.action !== 'run') throw new Error(POLICY.reason)
    const packed = inject('packed')
    const app = await mkdtemp(path.join(packed.scratch, 'next-app-'))
    await mkdir(path.join(app, 'app'))
    await mkdir(path.join(app, 'node_modules'))
    await writeFile(path.join(app, 'package.json'), '{"name": "next-consumer", "private": true}\n')
    for (const [file, text] of Object.entries(FILES)) await writeFile(path.join(app, file), text)
    for (const dependency of ['next', 'react', 'react-dom']) await symlink(path.join(ROOT, 'node_modules', dependency), path.join(app, 'node_modules', dependency), 'dir')
    await symlink(path.join(packed.installRoot, 'node_modules', NAME), path.join(app, 'node_modules', NAME), 'dir')

    const build = await promisify(execFile)(process.execPath, [NEXT, 'build'], {cwd: app, env: ENV, encoding: 'utf8'}).catch((error: unknown) => {
      const {stdout = '', stderr = ''} = error as {stdout?: string; stderr?: string}
      throw new Error(`next build failed in ${app}:\n${stdout}${stderr}`)
    })
    expect(build.stdout).toMatch(/Compiled successfully/)
    server = spawn(process.execPath, [NEXT, 'start', '--port', '0', '--hostname', '127.0.0.1'], {cwd: app, env: ENV})
    const url = await start(app, server)

    // What to expect comes from the installed package's own entries.
    const installed = createRequire(path.join(app, 'package.json'))
    const {guide, locales} = installed(NAME) as typeof Main
    const expected = (tag: string) => {
      const render = installed(`${NAME}/locales/${tag}/render`) as RenderModule
      const items = render.checklistContentForRound(guide.rounds.from).map((item) => [item.id, item.text])
      return {intro: render.getIntroContent().text, items}
    }
    // Two translations whose words differ, so showing the wrong one fails
    // (a regional variant may share its language's words: skip it).
    const translations = locales.filter((tag) => tag !== guide.locale)
    const first = translations[0]
    const second = translations.find((tag) => first !== undefined && expected(tag).intro !== expected(first).intro)
    if (first === undefined || second === undefined) throw new Error(`expected two translations with different introductions, found ${locales.join(', ')}`)

    context = await launch(path.join(app, 'profile'), POLICY.executable)
    const {page, problems} = await openPage(context)
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url())
    })
    await page.goto(url)
    const loaded: Record<string, string[]> = {}
    for (const tag of [first, second]) {
      const before = scripts.length
      await page.locator(`button[data-locale="${tag}"]`).click()
      const article = page.locator(`article[lang="${tag}"]`)
      await article.waitFor()
      loaded[tag] = scripts.slice(before)
      expect(await article.locator('#intro').textContent(), tag).toBe(expected(tag).intro)
      const items = await article.locator('li').evaluateAll((elements) => elements.map((li) => [li.getAttribute('data-item-id'), li.textContent]))
      expect(items, tag).toEqual(expected(tag).items)
    }
    // Each locale came with scripts of its own, fetched only when asked for.
    expect(loaded[first]).not.toEqual([])
    expect(loaded[second]).not.toEqual([])
    expect(loaded[second]!.filter((script) => loaded[first]!.includes(script))).toEqual([])
    expect(problems).toEqual([])
  }, 10 * 60_000)
})
