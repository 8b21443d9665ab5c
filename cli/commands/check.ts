import {stat} from 'node:fs/promises'
import path from 'node:path'
import {buildGuide, diagnostics, formatDiagnostics} from '../../pipeline/index.js'
import {guide} from '../../src/index.js'
import {UsageError, parseFormat, quote} from '../args.js'
import {escapeControl, shouldUseColor} from '../color.js'
import type {Command} from '../command.js'
import {formatJson} from '../format.js'

const NAME = 'check'

/** Refuse a path that exists but is no folder; a missing one is a content problem the lint reports. */
async function assertNotAFile(directory: string, given: string): Promise<void> {
  const found = await stat(directory).catch(() => undefined)
  if (found !== undefined && !found.isDirectory()) {
    throw new UsageError(`expected [content-dir] to be a folder, received a file: ${quote(given)}`, NAME)
  }
}

/** `check [content-dir]`: lint a content folder. */
export const checkCommand: Command = {
  name: NAME,
  synopsis: '[content-dir] [--format <format>]',
  summary: 'Lint a content folder and print file:line:column diagnostics; exit 1 on errors.',
  details: [
    '  [content-dir]      the content folder (default: ./content)',
    '  --format <format>  text (default) or json (the diagnostics array)',
  ],
  options: {format: {type: 'string'}},
  maxPositionals: 1,
  async run({values, positionals}, io) {
    const format = parseFormat(values['format'], NAME, ['text', 'json'])
    const given = positionals[0] ?? 'content'
    const contentDir = path.resolve(io.cwd, given)
    await assertNotAFile(contentDir, given)
    // The bin's own content version: the lint does not depend on it.
    // Paths are shown under the folder as the user typed it, absolute or not.
    const result = await buildGuide({contentDir, version: guide.version, cwd: io.cwd, shownAs: given})
    const failed = result.guide === undefined
    if (format === 'json') {
      io.stdout.write(formatJson(diagnostics(result.files)))
    } else {
      const color = shouldUseColor({isTTY: io.stdout.isTTY, env: io.env})
      const report = formatDiagnostics(result.files, {color, tips: true})
      // A failed lint always has a report; a clean one may have none.
      const clean = `check: ${escapeControl(given)} is clean (${result.guide?.steps.length ?? 0} steps)\n`
      io.stdout.write(report || clean)
    }
    return failed ? 1 : 0
  },
}
