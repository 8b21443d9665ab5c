// `--locale <tag>` for the reader commands: the tag is resolved like
// `resolveLocale` does (es-MX → es, anything unknown → the source), a
// malformed one is a usage error, and only the chosen locale's module is
// loaded, on demand: `steps` without --locale loads nothing more.
import {type Locale, type LocaleModule, isGuideError, loadLocale, locales, resolveLocale} from '#main'
import {UsageError, quote} from './args.js'
import type {Io} from './command.js'

/** The option, in `parseArgs` form, for a command's `options`. */
export const LOCALE_OPTION = {locale: {type: 'string'}} as const

/** The help line for `--locale`. */
export const LOCALE_HELP = `  --locale <tag>     the language to print in, a BCP 47 tag resolved to one of ${locales.join(', ')}\n                     (es-MX → es; a tag that matches none: ${locales[0] ?? ''}, with a note on stderr)`

const language = (tag: string): string => tag.split('-')[0]!.toLowerCase()

/**
 * Read `--locale` and load that locale's API.
 *
 * @param value The option's value; `undefined` when not given (the source locale).
 * @param command The command's name, for messages.
 * @param io Where to write the note when no locale matches the tag.
 * @returns The locale's module: the bundled source API, or the locale's own entry loaded on demand.
 * @throws {UsageError} When the tag is not a well-formed BCP 47 tag (`en_US`).
 * @example
 *   const {listSteps} = await readLocale('es-MX', 'steps', io)
 */
export async function readLocale(value: string | undefined, command: string, io: Io): Promise<LocaleModule> {
  if (value === undefined) return loadLocale(locales[0] as Locale)
  let locale: Locale | undefined
  try {
    // An empty value asks for nothing (resolveLocale's default): here it is a mistake.
    locale = value.trim() === '' ? undefined : resolveLocale(value)
  } catch (error) {
    if (!isGuideError(error)) throw error
  }
  if (locale === undefined) {
    const posix = /^([a-z]{2,3})_([a-z]{2}|\d{3})\b/i.exec(value)
    throw new UsageError(
      `expected --locale to be a BCP 47 language tag such as es-MX (locales: ${locales.join(', ')}), received ${quote(value)}${posix === null ? '' : `; use '-', not '_': ${posix[1]}-${posix[2]}`}`,
      command,
    )
  }
  if (language(locale) !== language(value)) {
    io.stderr.write(`${command}: no locale matches ${quote(value)}; showing ${locale} (locales: ${locales.join(', ')})\n`)
  }
  return loadLocale(locale)
}
