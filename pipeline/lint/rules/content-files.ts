import type {Rule} from '../rule.js'

/** The content folder holds exactly `guide.md`, `steps/*.md` and the files documented beside them. */
export const contentFiles: Rule = {
  id: 'content-files',
  phase: 'source',
  description: 'content/ has guide.md and at least one steps/*.md, and each locales/<tag>/ (named for a BCP 47 tag) has a guide.md, all regular files (not symbolic links, FIFOs or devices); any other file is an error, but for those an operating system or editor leaves (`.DS_Store`, `Thumbs.db`, `*~`, `*.bak`, swap and lock files), which are ignored.',
  tip: 'Keep only guide.md, README.md, manifest.json, words.txt, steps/NN-step-id.md and locales/<tag>/ in content/, as regular files (see README.md#editing-the-content).',
  check({layout, folder: locale, report}) {
    for (const file of layout.missing) {
      report({file}, `Expected a file at \`${file.path}\`, found none`, {line: 1, column: 1})
    }
    for (const file of layout.unexpected) {
      const where = locale.isSource
        ? 'guide.md, README.md, manifest.json, words.txt, steps/*.md and locales/<tag>/ folders in the content folder'
        : `guide.md, translation.json, words.txt and steps/*.md in a translation's folder`
      // What `writeFileAtomic` and `commitFiles` leave when killed before their renames.
      const left = /^(?:(manifest|translation)\.json|.*\.md)\.commit-\d+\.tmp$|^\.translation-import\.journal$/.exec(file.basename ?? '')
      const command = left?.[1] === undefined ? 'ace-second-interview translation import' : `npm run content:${left[1] === 'manifest' ? 'version' : 'translated'}`
      const by = left === null ? '' : `, left by an interrupted \`${command}\`; run it again to clean up`
      report({file}, `Expected only ${where}, found \`${file.path}\`${by}`, {line: 1, column: 1}, locale.isSource ? {} : {
        tip: `Keep only guide.md, translation.json, words.txt and steps/NN-step-id.md in locales/${locale.tag}/, as regular files (see README.md#editing-the-content).`,
      })
    }
    for (const {file, expected, found} of layout.unreadable) {
      // Links are refused, not followed: the content must be the files in the
      // folder, not whatever a link points to (another folder, a device…).
      const fix = found === 'a symbolic link' ? '; put the file itself here instead of a link to it' : ''
      report({file}, `Expected ${expected} at \`${file.path}\`, found ${found}${fix}`, {line: 1, column: 1})
    }
  },
}
