// The published tarball, installed into a fresh project with no network: the
// render types must resolve (`hast`, `mdast` come from @types/* dependencies),
// never as a TS2307 or a silent `any`, from both import and require.
import {spawnSync} from 'node:child_process'
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, inject, it} from 'vitest'
import {ROOT, consumerProject} from './helpers.js'


function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {...result, output: `${result.stdout}\n${result.stderr}`}
}

const ESM_CONSUMER = `import {getStep} from 'ace-second-interview'
import {checklistContentForRound, getIntroContent, getStepContent, type RenderedContent} from 'ace-second-interview/render'

const content: RenderedContent = getStepContent(2)
const first = content.hast.children[0]
export const tag: string = first?.type === 'element' ? first.tagName : ''
export const kind: 'root' = content.mdast.type
export const intro: string = getIntroContent().html
export const ids: string[] = checklistContentForRound(3).map((item) => item.id)
export const title: string = getStep(2).title
// If hast or mdast failed to resolve they would be \`any\`, and these would not be errors:
// @ts-expect-error hast's root type is 'root', not a number
export const wrongHast: number = content.hast.type
// @ts-expect-error mdast's root type is 'root', not a number
export const wrongMdast: number = content.mdast.type
// @ts-expect-error 0 is never a StepNumber
getStepContent(0)
`

const CJS_CONSUMER = `import render = require('ace-second-interview/render')

const content: render.RenderedContent = render.getStepContent(1)
export const kind: 'root' = content.hast.type
// @ts-expect-error hast's root type is 'root', not a number
export const wrong: number = content.hast.type
`

const packed = inject('packed')

describe('packed tarball in a fresh consumer (offline)', () => {
  it('installs offline and type-checks a consumer of the render subpath from ESM and CJS', async () => {
    const project = await consumerProject(packed, 'render-types', {name: 'consumer', private: true, type: 'module'})

    await writeFile(path.join(project, 'esm.ts'), ESM_CONSUMER)
    await writeFile(path.join(project, 'cjs.cts'), CJS_CONSUMER)
    await writeFile(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, types: [], skipLibCheck: false},
        files: ['esm.ts', 'cjs.cts'],
      }),
    )
    const tsc = run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], project)
    expect(tsc.output.trim()).toBe('')
    expect(tsc.status).toBe(0)

    // And it runs: both builds of the subpath load in the installed copy.
    const node = run(
      process.execPath,
      ['-e', "const r = require('ace-second-interview/render'); import('ace-second-interview/render').then((m) => console.log(r.getStepContent(1).text === m.getStepContent(1).text))"],
      project,
    )
    expect(node.stdout.trim(), node.output).toBe('true')
  })
})
