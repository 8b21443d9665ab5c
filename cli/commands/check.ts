import {parseFormat} from '../args.js'
import {CHECK_FORMATS, runCheck, verboseCommand} from '../check-run.js'
import {type Command, PROGRAM} from '../command.js'

const NAME = 'check'

/** `check [content-dir]`: lint a content folder, once or on every save. */
export const checkCommand: Command = {
  name: NAME,
  synopsis: '[content-dir] [--format <format>] [--strict] [--verbose] [--watch]',
  summary: 'Lint a content folder and print file:line:column diagnostics; exit 1 on errors (with --strict, on warnings too).',
  details: [
    '  [content-dir]      the content folder (default: ./content)',
    '  --format <format>  text (default), json (the diagnostics array) or',
    '                     github (workflow commands: annotations on a pull request)',
    '  --strict           fail on warnings too (a missing or outdated translation)',
    '  --verbose          print each warning that a translation is behind the source',
    '                     (default: one line per locale with their count)',
    '  --watch            keep running and check again on every save',
  ],
  options: {format: {type: 'string'}, strict: {type: 'boolean'}, verbose: {type: 'boolean'}, watch: {type: 'boolean'}},
  maxPositionals: 1,
  async run({values, flags, positionals}, io) {
    // Besides the reader commands' text and json, GitHub workflow commands.
    const format = parseFormat(values['format'], NAME, CHECK_FORMATS)
    return runCheck({dir: positionals[0] ?? 'content', format, watch: flags.has('watch'), strict: flags.has('strict'), summarize: flags.has('verbose') ? undefined : verboseCommand(`npx ${PROGRAM} ${NAME}`, positionals[0]), program: `${PROGRAM} ${NAME}`}, io)
  },
}
