import type {Nodes, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {toString as hastText} from 'hast-util-to-string'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildGuide} from '../pipeline/index.js'
import {type StepNumber, checklistForRound, getStep, guide, listSteps} from '../src/index.js'
import * as render from '../src/render/index.js'
import {type ReadonlyTree, checklistContentForRound, getIntroContent, getStepContent} from '../src/render/index.js'
import {FIXTURES} from './fixture-content.js'
import {ROOT} from './helpers.js'
import {expectedText} from './ordinal-tables.js'
import {CONTENT} from './shipped-content.js'

// The text a browser would give for `element.innerHTML = html; element.textContent`.
function textOfHtml(html: string): string {
  return hastText(fromHtml(html, {fragment: true}))
}

function keysEverywhere(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      into.add(key)
      keysEverywhere(child, into)
    }
  }
  return into
}

function elements(node: ReadonlyTree<Nodes>, into: string[] = []): string[] {
  if (node.type === 'element') into.push(node.tagName)
  if ('children' in node) for (const child of node.children) elements(child, into)
  return into
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()
const numbers: StepNumber[] = listSteps().map((step) => step.number)
const ROUNDS = [2, 3, 4, 10, 21, 112]

describe('render api (ace-second-interview/render)', () => {
  it('exposes exactly these runtime exports (no default export)', () => {
    expect(Object.keys(render).sort()).toEqual(['checklistContentForRound', 'getIntroContent', 'getStepContent', 'loadLocaleContent'])
  })

  it.each(numbers)('getStepContent(%i) gives mdast, hast, html and text of that step body', (n) => {
    const content = getStepContent(n)
    expect(content.mdast.type).toBe('root')
    expect(content.hast.type).toBe('root')
    expect(content.mdast.children.length).toBe(getStep(n).body.length)
    expect(elements(content.hast).filter((tag) => tag === 'p')).toHaveLength(getStep(n).body.length)
    expect(getStepContent(n)).toBe(content)
  })

  it('renders *emphasis* in a body as <em> (the valid fixture: "show, don\'t tell" in step 3)', async () => {
    const {render: built} = await buildGuide({contentDir: path.join(FIXTURES, 'valid'), version: '0.0.0'})
    expect(built?.steps[2]?.html).toContain("<em>show, don't tell</em>")
    expect(built?.steps[2]?.mdast.children[0]).toMatchObject({type: 'paragraph'})
  })

  it.each(CONTENT.steps.map((step) => [step.number, step.file] as const))('step %i: each *emphasis* in content/ is an <em> in the shipped html', async (n, file) => {
    const body = (await readFile(path.join(ROOT, 'content', file), 'utf8')).split(/^## Checklist$/m)[0]!
    const html = getStepContent(n as StepNumber).html
    for (const [, text] of body.matchAll(/(?<![*\w])\*([^*\n]+)\*(?![*\w])/g)) {
      const inner = /<em>([^<]*)<\/em>/g
      expect([...html.matchAll(inner)].map((match) => textOfHtml(match[1]!))).toContain(text)
    }
  })

  it('getIntroContent() gives the introduction, paragraph for paragraph', () => {
    const intro = getIntroContent()
    expect(intro.mdast.children).toHaveLength(guide.introduction.body.length)
    expect(squash(intro.text)).toBe(squash(guide.introduction.body.join(' ')))
    expect(getIntroContent()).toBe(intro)
  })

  const everything = [
    ['getIntroContent()', getIntroContent()],
    ...numbers.map((n) => [`getStepContent(${n})`, getStepContent(n)] as const),
  ] as const

  it.each(everything)('%s is plain JSON: no positions, no data, no functions, survives JSON', (_name, content) => {
    const keys = keysEverywhere(content)
    expect(keys.has('position')).toBe(false)
    expect(keys.has('data')).toBe(false)
    expect(JSON.parse(JSON.stringify(content))).toEqual(content)
  })

  it.each(everything)('%s round-trips: text content of html === text === text of hast', (_name, content) => {
    expect(textOfHtml(content.html)).toBe(content.text)
    expect(hastText(content.hast as Root)).toBe(content.text)
    expect(toHtml(content.hast as Root)).toBe(content.html)
  })

  it.each(numbers)('step %i: text agrees with the core API body', (n) => {
    expect(squash(getStepContent(n).text)).toBe(squash(getStep(n).body.join(' ')))
  })
})

describe('checklistContentForRound', () => {
  it.each(ROUNDS)('round %i: same items, order, ids and text as checklistForRound', (round) => {
    const core = checklistForRound(round)
    const rich = checklistContentForRound(round)
    expect(rich.length).toBe(core.length)
    expect(rich.map((item) => [item.id, item.stepId, item.stepNumber, item.text])).toEqual(
      core.map((item) => [item.id, item.stepId, item.stepNumber, item.text]),
    )
  })

  it.each(ROUNDS)('round %i: each hast is inline (no <p>), filled, and its text equals `text`', (round) => {
    for (const item of checklistContentForRound(round)) {
      expect(hastText(item.hast as Root)).toBe(item.text)
      expect(textOfHtml(toHtml(item.hast as Root))).toBe(item.text)
      expect(elements(item.hast)).not.toContain('p')
      expect(item.text).not.toMatch(/[{}]/)
    }
  })

  it("agrees across APIs: each item of getStep(n).checklist reads as in checklistContentForRound(its first round)", () => {
    for (const step of listSteps()) {
      for (const item of step.checklist) {
        const rich = checklistContentForRound(item.rounds.from).find((other) => other.id === item.id)
        expect(rich?.text).toBe(item.text)
      }
    }
  })

  it.each(ROUNDS)('round %i: each tree reads its template filled for that round', (round) => {
    const templates = new Map(listSteps().flatMap((step) => step.checklist.map((item) => [item.id, item.template] as const)))
    for (const item of checklistContentForRound(round)) {
      expect(hastText(item.hast as Root)).toBe(expectedText(templates.get(item.id)!, round, guide.locale))
    }
  })

  it('is memoised per round: the same frozen array for the same round, another for another', () => {
    expect(checklistContentForRound(5)).toBe(checklistContentForRound(5))
    expect(checklistContentForRound(5)).not.toBe(checklistContentForRound(6))
  })

  it('never carries the {#id rounds=…} attribute block into the trees', () => {
    for (const item of checklistContentForRound(2)) expect(JSON.stringify(item.hast)).not.toContain('{#')
    for (const n of numbers) expect(JSON.stringify(getStepContent(n))).not.toContain('{#')
  })
})

// Issue 10 (item 6): each item also has sanitised HTML, for frameworks that
// cannot render a one-text-node tree (Vue) or apps without a hast renderer.
describe('checklist item html', () => {
  it.each(ROUNDS)('round %i: html is the serialised hast, placeholders filled, and its text equals `text`', (round) => {
    for (const item of checklistContentForRound(round)) {
      expect(item.html).toBe(toHtml(item.hast as Root))
      expect(textOfHtml(item.html)).toBe(item.text)
      expect(item.html).not.toMatch(/[{}\uE000]/)
    }
  })

  it('is the same string on every call for a round, frozen with its item', () => {
    const [item] = checklistContentForRound(3)
    expect(Object.isFrozen(item)).toBe(true)
    expect(checklistContentForRound(3)[0]?.html).toBe(item?.html)
  })
})
