// `ace-second-interview changes --since <version>`, in-process. The shipped
// history decides what there is to list, so the expectations come from
// `releases` and `changesSince`; the printers are also run on synthetic changes.
import {describe, expect, it} from 'vitest'
import {formatChangesMarkdown, formatChangesText} from '../cli/commands/changes.js'
import {createStyles, formatJson} from '../cli/format.js'
import {type Change, changesSince, guide, releases} from '../src/index.js'
import {cli} from './bin.js'
import {ROOT} from './helpers.js'


const SYNTHETIC: Change[] = [
  {kind: 'added', target: 'step', id: 'new-step'},
  {kind: 'moved', target: 'step', id: 'old-step', from: '2'},
  {kind: 'added', target: 'item', id: 'fresh'},
  {kind: 'moved', target: 'item', id: 'shifted', from: 'make-a-plan'},
  {kind: 'removed', target: 'item', id: 'gone'},
  {kind: 'renamed', target: 'item', id: 'new-name', from: 'old-name'},
  {kind: 'rounds-changed', target: 'item', id: 'later'},
  {kind: 'reworded', target: 'item', id: 'tweaked'},
]

describe('changes --since', () => {
  it.each(releases.map((release) => release.version))('prints changesSince(%s) as JSON, unchanged', async (version) => {
    const {status, stdout, stderr} = await cli(['changes', '--since', version, '--format', 'json'])
    expect({status, stderr}).toEqual({status: 0, stderr: ''})
    expect(JSON.parse(stdout)).toEqual(changesSince(version))
  })

  it('says there are no changes since the installed version, in text and markdown', async () => {
    expect(await cli(['changes', '--since', guide.version])).toEqual({status: 0, stdout: `No changes since ${guide.version} (installed: ${guide.version}).\n`, stderr: ''})
    const markdown = await cli(['changes', '--since', guide.version, '--format', 'markdown'])
    expect(markdown.stdout).toBe(`# Changes since ${guide.version} (installed: ${guide.version})\n\nNo changes.\n`)
  })

  // The versions are listed, the newest last.
  it.each([
    {args: ['changes'], reason: `ace-second-interview changes: expected --since <version>, a released content version (${releases[0]!.version}, `},
    {args: ['changes'], reason: `${guide.version})`},
    {args: ['changes', '--since', '0.0.1'], reason: `ace-second-interview changes: expected --since to be a released content version (${releases[0]!.version}, `},
    {args: ['changes', '--since', '0.0.1'], reason: `${guide.version}), received "0.0.1"`},
    {args: ['changes', '--since', '99.0.0'], reason: 'received "99.0.0"'},
    {args: ['changes', '--since', '\u001B[31m'], reason: 'received "\\x1b[31m"'},
    {args: ['changes', '--since', guide.version, '--format', 'yaml'], reason: 'expected --format to be one of text, markdown, json'},
    {args: ['changes', 'extra'], reason: 'ace-second-interview changes: '},
  ])('exits 2 with the reason and the usage on stderr: $args', async ({args, reason}) => {
    const {status, stdout, stderr} = await cli(args)
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(reason)
    expect(stderr).toContain('Usage: ace-second-interview changes --since <version>')
    // Control characters from the command line never reach the terminal raw.
    expect(stderr).not.toContain('\u001B')
  })

  it('lists in the help', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/changes --since <version> \[--format <format>\] \[--locale <tag>\] +List what changed/)
  })
})

describe('the changes printers', () => {
  it('write one line per change for the terminal', () => {
    expect(formatChangesText(SYNTHETIC, '1.0.0', createStyles(false))).toBe(
      [
        `Changes since 1.0.0 (installed: ${guide.version}): 8`,
        '  - added step new-step',
        '  - renumbered step old-step (was number 2)',
        '  - added checklist item fresh',
        '  - moved checklist item shifted (from step make-a-plan)',
        '  - removed checklist item gone',
        '  - renamed checklist item old-name to new-name',
        '  - changed the rounds of checklist item later',
        '  - reworded checklist item tweaked',
        '',
      ].join('\n'),
    )
  })

  it('write a markdown list with ids as code', () => {
    expect(formatChangesMarkdown(SYNTHETIC.slice(4, 6), '1.0.0')).toBe(
      `# Changes since 1.0.0 (installed: ${guide.version})\n\n- Removed checklist item \`gone\`.\n- Renamed checklist item \`old-name\` to \`new-name\`.\n`,
    )
  })

  // Issue 22, item 3: ids come from content/manifest.json, which a hand edit can reach.
  it('escape control and bidi characters in ids, in every format', () => {
    const hostile: Change[] = [{kind: 'moved', target: 'item', id: 'a\u202e\u001b]52;c;SGk=\u0007', from: 'b\u0085\u2066'}]
    for (const printed of [formatChangesText(hostile, '1.0.0', createStyles(false)), formatChangesMarkdown(hostile, '1.0.0'), formatJson(hostile)]) {
      expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
      expect(printed).toMatch(/\\u202e/)
    }
    expect(JSON.parse(formatJson(hostile))).toEqual(hostile)
  })
})
