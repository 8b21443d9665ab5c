// @vitest-environment happy-dom
// Issue 10 (item 6): the README's Vue 3 recipe, mounted on the client in a DOM
// (the crash was on the client: Vue cannot render a Fragment whose only child
// is a string, which is what a one-text-node item tree becomes). The block is
// taken from README.md itself, so the recipe cannot drift from this test.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {build} from 'esbuild'
import {beforeAll, describe, expect, inject, it} from 'vitest'
import {checklistForRound} from '../../src/index.js'
import {checklistContentForRound} from '../../src/render/index.js'
import {ROOT} from '../helpers.js'
import {fencedBlocks, projectWithDevDependencies} from '../readme-blocks.js'

// The DOM happy-dom provides (the project's tsconfig has no DOM lib).
interface DomElement {
  readonly textContent: string | null
  readonly innerHTML: string
}
const dom = (): {body: {innerHTML: string}; querySelectorAll(selector: string): ArrayLike<DomElement>} =>
  (globalThis as unknown as {document: ReturnType<typeof dom>}).document

let project: string
beforeAll(async () => {
  project = await projectWithDevDependencies(inject('packed'), 'vue-recipe')
})

describe('the README Vue recipe', () => {
  it('mounts in a DOM: one list item per checklist item, each showing its text and html', async () => {
    const blocks = fencedBlocks('README.md', await readFile(path.join(ROOT, 'README.md'), 'utf8'))
    const recipes = blocks.filter((block) => /from 'vue'/.test(block.code))
    expect(recipes, 'README.md has one Vue recipe').toHaveLength(1)
    const recipe = recipes[0]!
    const mountPoint = /mount\('#([\w-]+)'\)/.exec(recipe.code)?.[1]
    expect(mountPoint, 'the recipe mounts on an element by id').toBeDefined()
    const round = Number(/round: (\d+)/.exec(recipe.code)?.[1])

    const warnings: unknown[] = []
    const originalWarn = console.warn
    const originalError = console.error
    console.warn = (...args: unknown[]) => warnings.push(args)
    console.error = (...args: unknown[]) => warnings.push(args)
    try {
      dom().body.innerHTML = `<div id="${mountPoint}"></div>`
      // Bundled as an app ships it (esbuild, for the browser, Vue's
      // development build so its warnings show), then run in this DOM.
      const result = await build({
        stdin: {contents: recipe.code, resolveDir: project, sourcefile: 'vue-recipe.js', loader: 'js'},
        absWorkingDir: project,
        bundle: true,
        platform: 'browser',
        format: 'iife',
        write: false,
        logLevel: 'silent',
        define: {
          'process.env.NODE_ENV': '"development"',
          __VUE_OPTIONS_API__: 'true',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        },
      })
      expect(result.errors).toEqual([])
      new Function(result.outputFiles[0]?.text ?? '')()
    } finally {
      console.warn = originalWarn
      console.error = originalError
    }
    expect(warnings).toEqual([])
    const items = Array.from(dom().querySelectorAll(`#${mountPoint} li`))
    const expected = checklistContentForRound(round)
    expect(items).toHaveLength(checklistForRound(round).length)
    items.forEach((li, index) => {
      expect(li.textContent?.replace(/\s+/g, ' ').trim()).toBe(expected[index]!.text)
      expect(li.innerHTML).toContain(expected[index]!.html)
    })
  })
})
