// npm run content:locale -- <tag> [content-dir]: start a translation,
// content/locales/<tag>/, every unit a fallback until it is translated. The
// work is in scripts/lib/content-locale.ts; see content/README.md#adding-a-locale.
import path from 'node:path'
import {AddLocaleError, addLocale} from './lib/content-locale.js'

const [tag, contentDir = 'content', ...rest] = process.argv.slice(2)
if (tag === undefined || tag.startsWith('-') || rest.length > 0) {
  process.stderr.write('usage: npm run content:locale -- <tag> [content-dir]\n')
  process.exitCode = 2
} else {
  try {
    const folder = await addLocale(tag, contentDir)
    process.stdout.write(`content:locale: wrote ${path.relative(process.cwd(), folder)}/: translate its guide.md, copy and translate the steps, then \`npm run content:translated -- ${path.basename(folder)} --all\`\n`)
  } catch (error) {
    if (!(error instanceof AddLocaleError)) throw error
    process.stderr.write(`content:locale: ${error.message} (${error.code})\n`)
    process.exitCode = 2
  }
}
