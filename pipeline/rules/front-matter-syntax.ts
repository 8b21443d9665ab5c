import type {Rule} from '../rule.js'

/** Every file opens with a YAML front matter block that parses safely. */
export const frontMatterSyntax: Rule = {
  id: 'front-matter-syntax',
  phase: 'document',
  description: 'Each file starts with a `---` front matter block of plain YAML `key: value` lines.',
  tip: 'Start the file with `---`, one `key: value` per line, then `---`; no anchors, aliases, tags or repeated keys.',
  check({guide, steps, report}) {
    for (const document of guide === undefined ? steps : [guide, ...steps]) {
      const frontMatter = document.frontMatter
      if (frontMatter === undefined) {
        report(document, 'Expected front matter (`---` … `---`) at the start of the file, found none', {
          line: 1,
          column: 1,
        })
        continue
      }
      for (const problem of frontMatter.problems) {
        report(document, problem.reason, problem.position)
      }
    }
  },
}
