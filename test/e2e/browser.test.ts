// End-to-end: build examples/react with Vite, serve it from node:http and drive
// the system's headless Chromium (Debian `chromium`) through playwright-core.
// No browser is ever downloaded. Without Chromium the test is skipped, loudly,
// unless CI is set: then a missing browser is a failure, never a silent skip.
import {spawnSync} from 'node:child_process'
import {readFile, mkdtemp, rm, writeFile} from 'node:fs/promises'
import type {Server} from 'node:http'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Nodes} from 'hast'
import type {BrowserContext} from 'playwright-core'
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {readManifest} from '../../pipeline/release/manifest.js'
import {emitReleasesModule, releasesFromManifest} from '../../pipeline/release/emit-releases.js'
import {type LocaleModule, checklistForRound, guide} from '../../src/index.js'
import type {RenderModule} from '../../src/render/index.js'
import {ROOT} from '../helpers.js'
import {PLACEHOLDER, expectedText} from '../ordinal-tables.js'
import {browserPolicy} from './browser-policy.js'
import {close, launch, openPage, serve} from './chromium.js'

// The tag names of a tree's elements, in document order.
const elementsOf = (node: Nodes): string[] =>
  node.type === 'element' ? [node.tagName, ...node.children.flatMap(elementsOf)] : 'children' in node ? node.children.flatMap(elementsOf) : []

const POLICY = browserPolicy(process.env)
const RUN = POLICY.action !== 'skip'
if (POLICY.action === 'skip') console.warn(`\n${POLICY.reason}\n`)

/** Build examples/react into `out` as an app ships it; `env` adds variables (ACE_EXAMPLE_RELEASES). */
function buildExample(out: string, env: Record<string, string> = {}): void {
  // A child process: vitest sets NODE_ENV=test, and the example must be
  // built as an app ships it (React's production build, production JSX).
  const vite = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(ROOT, 'examples/react/vite.config.ts'), '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'],
    {cwd: ROOT, encoding: 'utf8', env: {...process.env, NODE_ENV: 'production', ...env}},
  )
  expect(vite.status, vite.stderr).toBe(0)
}

const name = RUN
  ? 'the React example: a ticked item survives a reload, the next round rewords its items, German reads German ordinals, no console errors'
  : 'the React example in Chromium (SKIPPED: no Chromium; apt-get install -y chromium)'

describe('examples/react in headless Chromium', () => {
  // Skipped with the reason, which the run's verdict prints.
  beforeEach(({skip}) => skip(!RUN, POLICY.action === 'skip' ? POLICY.reason : ''))
  let scratch: string
  let server: Server | undefined
  let context: BrowserContext | undefined

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'ace-e2e-'))
  })
  afterAll(async () => {
    await context?.close()
    await close(server)
    await rm(scratch, {recursive: true, force: true})
  })

  // The example as it ships, built once (a Vite build takes seconds) for the
  // tests that serve it unchanged; whichever runs first builds it.
  let site: string | undefined
  const shippedSite = (): string => {
    if (site === undefined) {
      const out = path.join(scratch, 'site')
      buildExample(out)
      site = out
    }
    return site
  }

  it(name, async () => {
    if (POLICY.action !== 'run') throw new Error(POLICY.reason)
    const out = shippedSite()
    let url: string
    ;({server, url} = await serve(out))
    context = await launch(path.join(scratch, 'profile'), POLICY.executable)
    const {page, problems} = await openPage(context)
    // Which items play which part comes from the content, never from its words.
    const first = guide.rounds.from
    const [ticked, other] = checklistForRound(first).map((item) => item.id)
    if (ticked === undefined || other === undefined) throw new Error('expected two items in the first round')
    // An item worded per round: its text for the first round and the next.
    const worded = checklistForRound(first).find((item) => item.template !== item.text)
    if (worded === undefined) throw new Error('expected an item with a placeholder in the first round')
    const later = checklistForRound(first + 1).find((item) => item.id === worded.id)
    if (later === undefined || later.text === worded.text) throw new Error(`expected ${worded.id} to read differently in round ${first + 1}`)
    const box = (id: string) => page.locator(`input[data-item-id="${id}"]`)

    await page.goto(url)
    await expect.poll(() => box(ticked).count()).toBe(1)
    expect(await box(ticked).isChecked()).toBe(false)
    await box(ticked).check()
    expect(await box(ticked).isChecked()).toBe(true)

    await page.reload()
    await box(ticked).waitFor()
    expect(await box(ticked).isChecked()).toBe(true)
    expect(await box(other).isChecked()).toBe(false)

    const section = page.locator(`section#${worded.stepId}`)
    expect(await section.innerText()).toContain(worded.text)
    await page.selectOption('select[aria-label="Interview round"]', String(first + 1))
    await expect.poll(() => section.innerText()).toContain(later.text)
    expect(await section.innerText()).not.toContain(worded.text)
    // Ticks belong to item ids, not rounds: still ticked in the next round.
    expect(await box(ticked).isChecked()).toBe(true)

    // Issue 13: switch to German with the language picker; a round-3 item
    // reads its ordinal in German (the item from the German data, the word
    // from the test's own table), and ticks, kept by id, stay.
    const german = (await import(pathToFileURL(path.join(ROOT, 'dist/locales/de/index.js')).href)) as LocaleModule
    const third = german.checklistForRound(3).find((item) => item.template.match(PLACEHOLDER) !== null)
    if (third === undefined) throw new Error('expected a German item with a placeholder in round 3')
    await page.selectOption('select[aria-label="Language"]', 'de')
    await page.selectOption('select[aria-label="Interview round"]', '3')
    await expect.poll(() => page.locator('main').getAttribute('lang')).toBe('de')
    await expect.poll(() => page.locator(`section#${third.stepId}`).innerText()).toContain(expectedText(third.template, 3, 'de'))
    expect(await box(ticked).isChecked()).toBe(true)

    // Issue 24: German is shown rich, from its render entry loaded on demand
    // (loadLocaleContent): each step's body has the elements of its German
    // tree, in order, its inline marks (emphasis, links) included, which
    // plain text would lose.
    const germanContent = (await import(pathToFileURL(path.join(ROOT, 'dist/locales/de/render.js')).href)) as RenderModule
    const inline: string[] = []
    for (const step of german.listSteps()) {
      const tags = elementsOf(germanContent.getStepContent(step.number).hast as Nodes)
      inline.push(...tags.filter((tag) => tag !== 'p'))
      const shown = await page.locator(`section#${step.id}`).evaluate((section) => [...section.querySelectorAll(':scope > p, :scope > p *')].map((element) => element.tagName.toLowerCase()))
      expect(shown, step.id).toEqual(tags)
    }
    // The German content has inline marks, so the check above can fail.
    expect(inline.length).toBeGreaterThan(0)

    const screenshot = process.env['E2E_SCREENSHOT']
    if (screenshot !== undefined) await page.screenshot({path: screenshot, fullPage: true})
    expect(problems).toEqual([])
  })

  it('the React example starts in the reader\'s browser language (navigator.languages through resolveLocale)', async () => {
    if (POLICY.action !== 'run') throw new Error(POLICY.reason)
    const out = shippedSite()
    const {server: site, url} = await serve(out)
    // A regional tag no locale has exactly: resolveLocale cuts it to the language.
    const context = await launch(path.join(scratch, 'profile-language'), POLICY.executable, 'de-CH')
    try {
      const {page, problems} = await openPage(context)
      await page.goto(url)
      await expect.poll(() => page.locator('main').getAttribute('lang')).toBe('de')
      const german = (await import(pathToFileURL(path.join(ROOT, 'dist/locales/de/index.js')).href)) as LocaleModule
      expect(await page.locator('h1').innerText()).toBe(german.guide.title)
      expect(await page.locator('select[aria-label="Language"]').inputValue()).toBe('de')
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await close(site)
    }
  })

  it('the React example: a reader back after later releases keeps renamed ticks, loses retired ones, sees what is new', async () => {
    if (POLICY.action !== 'run') throw new Error(POLICY.reason)
    // The shipped history has no later release yet, so the example is built
    // from the sources with a history of two releases: an older one made up
    // here, then the shipped content as it is, one of whose items replaces an
    // id of the older one. Which items play which part comes from the content.
    const manifest = await readManifest(path.join(ROOT, 'content/manifest.json'))
    const current = manifest !== undefined && 'releases' in manifest ? manifest.releases.at(-1) : undefined
    if (current === undefined) throw new Error('content/manifest.json has no release')
    expect(current.version).toBe(guide.version)
    const [renamed, added, reworded, kept] = checklistForRound(guide.rounds.from).map((item) => item.id)
    if (renamed === undefined || added === undefined || reworded === undefined || kept === undefined) throw new Error('expected four items in the first round')
    const oldId = `${renamed}-before`
    const {[added]: _added, [renamed]: renamedItem, ...unchanged} = current.items
    const older = {
      ...current,
      version: '0.1.0',
      items: {
        ...unchanged,
        [oldId]: renamedItem!,
        [reworded]: {...current.items[reworded]!, hash: '000000000000'},
        'retired-item': {...renamedItem!, hash: '111111111111'},
      },
    }
    const newer = {...current, items: {...current.items, [renamed]: {...renamedItem!, replaces: [oldId]}}}
    const releasesModule = path.join(scratch, 'releases-data.ts')
    await writeFile(releasesModule, emitReleasesModule(releasesFromManifest({releases: [older, newer]})))
    const out = path.join(scratch, 'site-history')
    buildExample(out, {ACE_EXAMPLE_RELEASES: releasesModule})

    const {server: site, url} = await serve(out)
    const context = await launch(path.join(scratch, 'profile-history'), POLICY.executable)
    try {
      const {page, problems} = await openPage(context)
      const box = (id: string) => page.locator(`input[data-item-id="${id}"]`)

      await page.goto(url)
      await box(kept).waitFor()
      // The record an earlier visit saved under 0.1.0: a renamed id, a retired one, a current one.
      await page.evaluate((record) => (globalThis as unknown as {localStorage: {getItem(key: string): string | null; setItem(key: string, value: string): void}}).localStorage.setItem('ace-second-interview:progress', JSON.stringify(record)), {
        version: '0.1.0',
        checked: [oldId, 'retired-item', kept],
      })
      await page.reload()
      await box(kept).waitFor()

      expect(await box(renamed).isChecked()).toBe(true)
      expect(await box(kept).isChecked()).toBe(true)
      expect(await box(added).isChecked()).toBe(false)
      const news = page.getByRole('complementary', {name: 'New since your last visit'})
      expect(await news.innerText()).toMatch(/^New since your last visit:/)
      const listed = await news.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-item-id')))
      expect(listed.sort()).toEqual([added, reworded].sort())
      const text = (id: string) => checklistForRound(guide.rounds.from).find((item) => item.id === id)?.text ?? ''
      expect(await news.innerText()).toContain(text(added))
      expect(await news.innerText()).toContain(text(reworded))
      expect(await page.getByText('1 ticked action is no longer in the guide.').count()).toBe(1)
      // Saved back under the installed version, renamed tick first, as stored.
      const saved = await page.evaluate(() => JSON.parse((globalThis as unknown as {localStorage: {getItem(key: string): string | null; setItem(key: string, value: string): void}}).localStorage.getItem('ace-second-interview:progress') ?? 'null') as unknown)
      expect(saved).toEqual({version: guide.version, checked: [renamed, kept]})

      // The next visit has nothing new and the same ticks.
      await page.reload()
      await box(kept).waitFor()
      expect(await news.count()).toBe(0)
      expect(await box(renamed).isChecked()).toBe(true)
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await close(site)
    }
  })
})
