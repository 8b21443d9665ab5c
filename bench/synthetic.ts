// Synthetic guides for the build benchmark: valid content (content/README.md)
// of any number of steps, one file per step, so the whole pipeline runs.
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'

const GUIDE = `---
rounds: 2+
---

# A synthetic guide for the build benchmark

This guide is generated. It has the shape of the real one and none of its words.
`

/**
 * The markdown of step `n`: front matter, title, three paragraphs and a
 * three-item checklist with ids unique across the guide. About the size of a
 * real step (1 KiB).
 *
 * @param n The step's number, from 1.
 * @returns The file's text.
 */
function syntheticStep(n: number): string {
  return `---
id: step-${n}
step: ${n}
summary: Step ${n} of the synthetic guide, in one sentence.
---

# Step ${n}

Paragraph one of step ${n}. Before the interview, think about what went well last time and what you would say differently, and *why*. Keep it short and concrete.

Paragraph two of step ${n}. The employer wants detail now: who you are as a professional and as a person, and how you would fit the team you would join.

Paragraph three of step ${n}. Write it down, read it back, and take it with you.

## Checklist

- [ ] Write down one thing from your {previous} interview for step ${n}. {#step-${n}-recall rounds=2+}
- [ ] Prepare a short story for your {round} interview about step ${n}. {#step-${n}-story rounds=2+}
- [ ] Note a question to ask in your {next} interview. {#step-${n}-question rounds=3+}
`
}

/**
 * Write a content folder with `guide.md` and `steps` step files.
 *
 * @param directory Where to write it (created).
 * @param steps How many steps.
 * @returns The folder.
 */
export async function writeSyntheticContent(directory: string, steps: number): Promise<string> {
  await mkdir(path.join(directory, 'steps'), {recursive: true})
  await writeFile(path.join(directory, 'guide.md'), GUIDE)
  // Two digits at least, as the step-numbering rule asks; wider for long guides.
  const width = Math.max(2, String(steps).length)
  for (let n = 1; n <= steps; n++) {
    await writeFile(path.join(directory, 'steps', `${String(n).padStart(width, '0')}-step-${n}.md`), syntheticStep(n))
  }
  return directory
}
