import type {Rule} from '../rule.js'

// A first line of `---` that never closes: remark reads it as a thematic
// break and the YAML as a paragraph, so the front matter is simply absent.
const OPENING_FENCE = /^---[ \t]*(?:\n|$)/

/** Every file opens with a YAML front matter block that parses safely. */
export const frontMatterSyntax: Rule = {
  id: 'front-matter-syntax',
  phase: 'document',
  // Without readable front matter the rest of the file is misread too (an
  // unclosed block swallows the title), so later rules skip the file.
  blocking: true,
  description: 'Each file starts with a `---` front matter block of plain YAML `key: value` lines.',
  tip: 'Start the file with `---`, one `key: value` per line, then `---`; no anchors, aliases, tags or repeated keys.',
  check({guide, steps, report}) {
    for (const document of guide === undefined ? steps : [guide, ...steps]) {
      const frontMatter = document.frontMatter
      if (frontMatter === undefined) {
        if (OPENING_FENCE.test(String(document.file.value))) {
          report(document, 'Expected a line of exactly `---` to close the front matter opened on line 1, found none', {line: 1, column: 1}, {
            tip: 'Add a line of exactly `---` after the last `key: value` line, before the `# Title`.',
          })
        } else {
          report(document, 'Expected front matter (`---` … `---`) at the start of the file, found none', {line: 1, column: 1}, {
            tip: 'Start the file with a line of `---`, the `key: value` lines, and another line of `---`.',
          })
        }
        continue
      }
      for (const problem of frontMatter.problems) {
        report(document, problem.reason, problem.position, {tip: problem.tip})
      }
    }
  },
}
