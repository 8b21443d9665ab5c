import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {
  createStyles,
  formatChecklistMarkdown,
  formatChecklistText,
  formatStepMarkdown,
  formatStepText,
  formatStepsMarkdown,
  formatStepsText,
} from '../cli/format.js'
import {diagnostics, formatDiagnostics, shouldUseColor} from '../pipeline/report.js'
import {escapeControl} from '../pipeline/terminal.js'
import {type Step, checklistForRound, getStep, guide, locales} from '../src/index.js'
import {anyCodePoint} from './arbitraries.js'
import {cli} from './bin.js'
import {ROOT} from './helpers.js'


const ESC = '\u001B['

describe('shouldUseColor', () => {
  it.each([
    {isTTY: true, env: {}, expected: true},
    {isTTY: true, env: {TERM: 'xterm-256color'}, expected: true},
    {isTTY: true, env: {NO_COLOR: '1'}, expected: false},
    {isTTY: true, env: {NO_COLOR: ''}, expected: false},
    {isTTY: true, env: {NO_COLOR: '0'}, expected: false},
    {isTTY: false, env: {}, expected: false},
    {isTTY: undefined, env: {}, expected: false},
    {isTTY: false, env: {NO_COLOR: '1'}, expected: false},
  ])('isTTY $isTTY, env $env → $expected', ({isTTY, env, expected}) => {
    expect(shouldUseColor({isTTY, env})).toBe(expected)
  })
})

describe('createStyles', () => {
  it('wraps text in ANSI bold and dim only when colour is on', () => {
    expect(createStyles(true).bold('x')).toBe(`${ESC}1mx${ESC}22m`)
    expect(createStyles(true).dim('x')).toBe(`${ESC}2mx${ESC}22m`)
    expect(createStyles(false).bold('x')).toBe('x')
    expect(createStyles(false).dim('x')).toBe('x')
  })
})

describe('run: colour reaches the output only on a terminal without NO_COLOR', () => {
  it.each([['steps'], ['step', '2'], ['checklist', '--round', '3']])('%s', async (...args) => {
    const terminal = await cli(args, {isTTY: true})
    expect(terminal.status).toBe(0)
    expect(terminal.stdout).toContain(ESC)
    for (const quiet of [{isTTY: true, env: {NO_COLOR: ''}}, {isTTY: false}]) {
      const plain = await cli(args, quiet)
      expect(plain.stdout).not.toContain(ESC)
      // The same words, only without the escapes.
      expect(plain.stdout).toBe(terminal.stdout.replace(/\u001B\[\d+m/g, ''))
    }
  })

  it.each([['markdown'], ['json']])('never colours --format %s, even on a terminal', async (format) => {
    const result = await cli(['checklist', '--format', format], {isTTY: true})
    expect(result.status).toBe(0)
    expect(result.stdout).not.toContain(ESC)
  })
})

describe('run: any argument is either accepted or refused with exit 2', () => {
  // Outside input: whatever is typed, the bin answers 0 with output or 2 with a reason, never throws.
  it.each([['step'], ['checklist', '--round']])('%s <anything>', async (...prefix) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({unit: anyCodePoint}), fc.nat({max: 40}).map(String), fc.constantFrom('make-a-plan', '2', '02', '1e1', ' 3', 'x\ny', '\u001B[31mred')), async (value) => {
        const result = await cli([...prefix, value])
        if (result.status === 0) {
          expect(result.stdout).not.toBe('')
          expect(result.stderr).toBe('')
        } else {
          expect(result.status).toBe(2)
          expect(result.stdout).toBe('')
          // One line of reason: the value is quoted, so even a newline in it cannot break the line.
          const [reason, blank, usage] = result.stderr.split('\n')
          expect(reason).toMatch(/^ace-second-interview (step|checklist): \S/)
          expect(blank).toBe('')
          expect(usage).toMatch(/^Usage: ace-second-interview (step|checklist) /)
        }
      }),
      {numRuns: 100},
    )
  })
})

// Derived from the shipped guide, never pinned: the CLI's words follow the content.
const FIRST_ROUND = guide.rounds.from
const LAST_ROUND = guide.rounds.to ?? Number.MAX_SAFE_INTEGER
const ROUNDS = `a whole number from ${FIRST_ROUND} to ${LAST_ROUND}`
const STEPS = `a step number from 1 to ${guide.steps.length} or a step id (${guide.steps.map((step) => step.id).join(', ')})`
const COMMAND_NAMES = 'steps, step, checklist, check, locales, translation, changes, help'

describe('run: usage errors are worded for the command line and quote what was typed', () => {
  // One line per case: the reason that follows "ace-second-interview[ command]: ".
  it.each([
    {args: [], reason: `ace-second-interview: expected a command (${COMMAND_NAMES}), received nothing`},
    {args: ['foo'], reason: `ace-second-interview: expected a command (${COMMAND_NAMES}), received "foo"`},
    {args: ['help', 'foo'], reason: `ace-second-interview help: expected a command (${COMMAND_NAMES}), received "foo"`},
    {args: ['--colour'], reason: 'ace-second-interview: expected one of the options -v, --version, -h, --help, received "--colour"'},
    {args: ['steps', '--version'], reason: 'ace-second-interview steps: expected one of the options --format, --locale, -h, --help, received "--version"'},
    // --locale: a BCP 47 tag; POSIX names get the fix.
    {args: ['steps', '--locale', 'en_US'], reason: `ace-second-interview steps: expected --locale to be a BCP 47 language tag such as es-MX (locales: ${locales.join(', ')}), received "en_US"; use '-', not '_': en-US`},
    {args: ['checklist', '--locale', 'e'], reason: `ace-second-interview checklist: expected --locale to be a BCP 47 language tag such as es-MX (locales: ${locales.join(', ')}), received "e"`},
    {args: ['step', '1', '--locale'], reason: 'ace-second-interview step: expected a value after --locale, received nothing'},
    {args: ['steps', 'extra'], reason: 'ace-second-interview steps: expected no arguments, received "extra"'},
    {args: ['step', '1', '2'], reason: 'ace-second-interview step: expected at most 1 argument, received also "2"'},
    {args: ['steps', '--format', 'xml'], reason: 'ace-second-interview steps: expected --format to be one of text, markdown, json, received "xml"'},
    {args: ['check', '--format', 'markdown'], reason: 'ace-second-interview check: expected --format to be one of text, json, github, received "markdown"'},
    // Repeated options are refused, not silently the last one.
    {args: ['checklist', '--round', '3', '--round', '4'], reason: 'ace-second-interview checklist: expected --round at most once, received "--round 3" and "--round 4"'},
    {args: ['steps', '--format=json', '--format', 'text'], reason: 'ace-second-interview steps: expected --format at most once, received "--format=json" and "--format text"'},
    {args: ['steps', '-h', '--help'], reason: 'ace-second-interview steps: expected --help at most once, received "-h" and "--help"'},
    {args: ['steps', '--help=yes'], reason: 'ace-second-interview steps: expected --help without a value, received "--help=yes"'},
    {args: ['checklist', '--round'], reason: 'ace-second-interview checklist: expected a value after --round, received nothing'},
    // --round: the range of the help, and the number exactly as typed.
    ...['x', '2.5', '-1', '', ' 3', '1e3', '+3', '３', '0x10'].map((round) => ({
      args: ['checklist', `--round=${round}`],
      reason: `ace-second-interview checklist: expected --round to be ${ROUNDS}, received ${JSON.stringify(round)}`,
    })),
    {args: ['step', '1', '--round', 'x'], reason: `ace-second-interview step: expected --round to be ${ROUNDS}, received "x"`},
    ...[String(FIRST_ROUND - 1), '0', '000'].map((round) => ({
      args: ['checklist', '--round', round],
      reason: `ace-second-interview checklist: expected --round to be ${ROUNDS}, received "${round}", which is too small`,
    })),
    ...['9007199254740992', '99999999999999999999', `0${LAST_ROUND + 1}`, '9'.repeat(400)].map((round) => ({
      args: ['checklist', '--round', round],
      reason: `ace-second-interview checklist: expected --round to be ${ROUNDS}, received "${round}", which is too large`,
    })),
    // step: never getStep's or getStepById's words, and no number rounded.
    ...['0', String(guide.steps.length + 1), '99999999999999999999999', '1e1', 'make-plan', '-', ' 1'].map((value) => ({
      args: ['step', '--', value],
      reason: `ace-second-interview step: expected ${STEPS}, received ${JSON.stringify(value)}`,
    })),
    {args: ['step'], reason: `ace-second-interview step: expected ${STEPS}, received nothing`},
    // Control characters typed are shown, not obeyed, and the line stays one line.
    {args: ['step', 'x\ny\u001B[2J\u202E'], reason: `ace-second-interview step: expected ${STEPS}, received "x\\x0ay\\x1b[2J\\u202e"`},
    {args: ['step', 'a"b\\c'], reason: `ace-second-interview step: expected ${STEPS}, received "a\\"b\\\\c"`},
  ])('$args', async ({args, reason}) => {
    const result = await cli(args)
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    const [first, blank, usage] = result.stderr.split('\n')
    expect(first).toBe(reason)
    expect(blank).toBe('')
    expect(usage).toMatch(/^Usage: ace-second-interview /)
    // No API wording: no function signatures, no parameter names, no parseArgs jargon.
    expect(first).not.toMatch(/getStep|checklistForRound|\(r\)|\(n\)|"r"|"n"|received type|ambiguous|positional/)
  })

  it('says in --help what the errors say: the same range for --round and the same choices for <n|id>', async () => {
    expect((await cli(['checklist', '--help'])).stdout).toContain(`the interview round, ${ROUNDS} (default: ${FIRST_ROUND})`)
    expect((await cli(['step', '--help'])).stdout).toContain(`<n|id>             ${STEPS}`)
    if (guide.rounds.to === null) expect((await cli(['checklist', '--help'])).stdout).toContain('a larger one is too large')
  })

  it.each([
    {args: ['checklist', '--round', `000${FIRST_ROUND}`], same: ['checklist', '--round', String(FIRST_ROUND)]},
    {args: ['checklist'], same: ['checklist', `--round=${FIRST_ROUND}`]},
    {args: ['step', '01'], same: ['step', '1']},
    {args: ['step', guide.steps[0]!.id], same: ['step', '1']},
  ])('accepts $args like $same', async ({args, same}) => {
    const result = await cli(args)
    expect(result).toEqual({status: 0, stdout: (await cli(same)).stdout, stderr: ''})
  })

  it('takes the largest round the help allows, counted exactly', async () => {
    const result = await cli(['checklist', '--round', String(LAST_ROUND), '--format', 'json'])
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual(checklistForRound(LAST_ROUND))
  })
})

describe('run: version and help', () => {
  it.each([['-v'], ['--version']])('%s prints the version and nothing else', async (flag) => {
    expect(await cli([flag])).toEqual({status: 0, stdout: `${guide.version}\n`, stderr: ''})
  })

  it('help is a command: alone it prints --help, with a command that command\'s --help', async () => {
    expect(await cli(['help'])).toEqual({status: 0, stdout: (await cli(['--help'])).stdout, stderr: ''})
    for (const name of ['steps', 'step', 'checklist', 'check', 'help']) {
      const help = await cli(['help', name])
      expect(help).toEqual({status: 0, stdout: (await cli([name, '--help'])).stdout, stderr: ''})
      expect(help.stdout.startsWith(`Usage: ace-second-interview ${name} `)).toBe(true)
    }
    expect((await cli(['--help'])).stdout).toContain('  help [command]')
    expect((await cli(['--help'])).stdout).toContain('  -v, --version')
  })
})

describe('run: TERM=dumb', () => {
  it.each([['steps'], ['step', '1'], ['checklist']])('%s is not coloured on a terminal that says it is dumb', async (...args) => {
    const dumb = await cli(args, {isTTY: true, env: {TERM: 'dumb'}})
    expect(dumb.status).toBe(0)
    expect(dumb.stdout).not.toContain(ESC)
    expect(shouldUseColor({isTTY: true, env: {TERM: 'dumb'}})).toBe(false)
  })
})

/** Characters a terminal obeys rather than shows: C0 (newline and tab too), DEL, C1, bidi controls, lone surrogates. */
const OBEYED = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

describe('escapeControl', () => {
  it.each([
    {text: 'plain text, “quotes”, café, 日本語, 👩‍💻, C:\\path', out: 'plain text, “quotes”, café, 日本語, 👩‍💻, C:\\path'},
    {text: '\u001B]52;c;aGk=\u0007\u001B[2J', out: '\\x1b]52;c;aGk=\\x07\\x1b[2J'},
    {text: 'evil\u001B[2J\nfake.md:1:1: ok', out: 'evil\\x1b[2J\\x0afake.md:1:1: ok'},
    {text: 'a\tb\rc\u0000d\u007Fe', out: 'a\\x09b\\x0dc\\x00d\\x7fe'},
    {text: '\u009B31m\u0085', out: '\\x9b31m\\x85'},
    {text: 'abc\u202Efdp.exe\u2066\u2069\u200E\u200F\u061C', out: 'abc\\u202efdp.exe\\u2066\\u2069\\u200e\\u200f\\u061c'},
    {text: 'lone \uD800 and \uDC00', out: 'lone \\ud800 and \\udc00'},
  ])('$text → $out', ({text, out}) => {
    expect(escapeControl(text)).toBe(out)
    expect(escapeControl(out)).toBe(out)
  })

  it('leaves nothing a terminal would obey, for any string', () => {
    fc.assert(
      fc.property(fc.string({unit: anyCodePoint}), (text) => {
        const escaped = escapeControl(text)
        // Only what had to go changes: text without control characters is left as it is.
        return !OBEYED.test(escaped) && (OBEYED.test(text) || escaped === text)
      }),
    )
  })
})

describe('terminal output escapes what the content holds', () => {
  // A guide whose every string carries escapes: what `steps | cat -v` showed as ^[[1;31m.
  const RED = '\u001B[1;31m'
  const hostile = (text: string): string => `${RED}${text}\u001B]52;c;aGk=\u0007\u202E\n${text}`
  const step = getStep(1)
  const bad: Step = {
    ...step,
    id: hostile(step.id) as Step['id'],
    title: hostile(step.title),
    summary: hostile(step.summary),
    body: step.body.map(hostile),
    checklist: step.checklist.map((item) => ({...item, text: hostile(item.text)})),
  }
  const items = bad.checklist
  // The labels around the content come from the content too.
  const badGuide = {...guide, labels: {stepHeading: hostile('{step}: {title}'), roundHeading: hostile('{round}')}}
  const badLocale = {guide: badGuide, roundHeading: () => badGuide.labels.roundHeading}

  it.each([
    {name: 'formatStepsText', out: () => formatStepsText([bad], createStyles(true))},
    {name: 'formatStepsMarkdown', out: () => formatStepsMarkdown([bad], badGuide)},
    {name: 'formatStepText', out: () => formatStepText(bad, createStyles(true), badLocale)},
    {name: 'formatStepMarkdown', out: () => formatStepMarkdown(bad, badLocale)},
    {name: 'formatChecklistText', out: () => formatChecklistText(items, guide.rounds.from, createStyles(true), badLocale)},
    {name: 'formatChecklistMarkdown', out: () => formatChecklistMarkdown(items)},
  ])('$name shows the escapes and obeys none', ({out}) => {
    const text = out()
    // The only escapes left are the printer's own bold and dim.
    const own = text.replace(/\u001B\[(1|2|22)m/g, '')
    for (const line of own.split('\n')) expect(line).not.toMatch(OBEYED)
    expect(own).toContain('\\x1b[1;31m')
    expect(own).toContain('\\x1b]52;c;aGk=\\x07\\u202e\\x0a')
    // The newline inside each string starts no line of its own.
    const originals = [step.id, step.title, step.summary, ...step.body, ...step.checklist.map((item) => item.text)]
    for (const line of own.split('\n')) expect(originals.filter((original) => line.startsWith(original))).toEqual([])
  })

  it('formatDiagnostics escapes file names and reasons: a hostile name forges no line', () => {
    const file = new VFile({path: 'content/steps/evil\u001B[2J\nfake.md:1:1: ok'})
    const message = file.message('found unknown key `\u001B]52;c;aGk=\u0007\u001B[2J`', {place: {line: 2, column: 1}, ruleId: 'front-matter-keys', source: 'test'})
    message.fatal = true
    message.note = 'a tip\u001B[2J'
    const report = formatDiagnostics([file], {tips: true, color: false})
    expect(report.split('\n')).toEqual([
      'content/steps/evil\\x1b[2J\\x0afake.md:1:1: ok:2:1: error found unknown key `\\x1b]52;c;aGk=\\x07\\x1b[2J`  front-matter-keys',
      '  tip: a tip\\x1b[2J',
      '1 error, 0 warnings',
      '',
    ])
    // JSON stays JSON: the same diagnostics, unescaped, escaped only by JSON itself.
    expect(diagnostics([file])[0]!.file).toBe(file.path)
  })
})

describe('formatDiagnostics: the editor\'s own problem first', () => {
  const say = (path: string, ruleId: string, fatal: boolean, line = 1): VFile => {
    const file = new VFile({path})
    const message = file.message(`${ruleId} says so`, {place: {line, column: 1}, ruleId, source: 'test'})
    message.fatal = fatal
    return file
  }
  const files = [
    say('content/guide.md', 'spelling', false),
    say('content/locales/es/guide.md', 'translation-missing', false),
    say('content/locales/es/steps/01-a.md', 'translation-outdated', false, 3),
    say('content/locales/es/steps/01-a.md', 'translation-parity', true, 2),
    say('content/locales/fr/guide.md', 'translation-parity', false),
    say('content/locales/fr/guide.md', 'step-count', false, 2),
    say('content/steps/02-b.md', 'no-html', true),
  ]

  it('prints errors, then warnings, then one line per locale counting its translation warnings', () => {
    expect(formatDiagnostics(files, {summarize: 'check --verbose'}).split('\n')).toEqual([
      'content/locales/es/steps/01-a.md:2:1: error translation-parity says so  translation-parity',
      'content/steps/02-b.md:1:1: error no-html says so  no-html',
      'content/guide.md:1:1: warning spelling says so  spelling',
      'content/locales/es: 2 warnings that the translation is behind the source (1 translation-outdated, 1 translation-missing); `check --verbose` lists each',
      'content/locales/fr: 2 warnings that the translation is behind the source (1 translation-parity, 1 step-count); `check --verbose` lists each',
      '2 errors, 5 warnings',
      '',
    ])
  })

  it('prints every diagnostic, errors first, when not asked to summarise', () => {
    const lines = formatDiagnostics(files).trimEnd().split('\n')
    expect(lines.map((line) => line.split(':')[0])).toEqual([
      'content/locales/es/steps/01-a.md', 'content/steps/02-b.md',
      'content/guide.md', 'content/locales/es/guide.md', 'content/locales/es/steps/01-a.md', 'content/locales/fr/guide.md', 'content/locales/fr/guide.md',
      '2 errors, 5 warnings',
    ])
  })
})
