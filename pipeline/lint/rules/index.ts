import type {Rule} from '../rule.js'
import {bodyParagraphs} from './body-paragraphs.js'
import {checklistItems} from './checklist-items.js'
import {contentFiles} from './content-files.js'
import {controlCharacters} from './control-characters.js'
import {fileFormat} from './file-format.js'
import {frontMatterKeys} from './front-matter-keys.js'
import {frontMatterSyntax} from './front-matter-syntax.js'
import {headingStructure} from './heading-structure.js'
import {idHistory} from './id-history.js'
import {itemAttributes} from './item-attributes.js'
import {itemContent} from './item-content.js'
import {itemRounds} from './item-rounds.js'
import {knownPlaceholders} from './known-placeholders.js'
import {linkProtocol} from './link-protocol.js'
import {nestingDepth} from './nesting-depth.js'
import {noHtml} from './no-html.js'
import {repeatedWords} from './repeated-words.js'
import {spelling} from './spelling.js'
import {stepCount} from './step-count.js'
import {stepNumbering} from './step-numbering.js'
import {translationMissing} from './translation-missing.js'
import {translationOutdated} from './translation-outdated.js'
import {translationParity} from './translation-parity.js'
import {uniqueIds} from './unique-ids.js'

/** Every content lint rule, in the order they run. */
export const rules: readonly Rule[] = [
  contentFiles,
  fileFormat,
  controlCharacters,
  nestingDepth,
  frontMatterSyntax,
  frontMatterKeys,
  headingStructure,
  bodyParagraphs,
  checklistItems,
  itemAttributes,
  itemContent,
  itemRounds,
  stepNumbering,
  stepCount,
  uniqueIds,
  idHistory,
  knownPlaceholders,
  linkProtocol,
  noHtml,
  translationParity,
  translationMissing,
  translationOutdated,
  spelling,
  repeatedWords,
]

/**
 * Rules that load a dictionary (a tenth of a second or so per language):
 * the editor's checks run them (`npm run check:content`,
 * `npm run dev`, `ace-second-interview check`, `checkContent`, and
 * `npm test` once, on the shipped content), but not the commands that run
 * on every build or release, which never fail on their warnings anyway.
 */
export const dictionaryRules: readonly Rule[] = [spelling]

/** Every rule but {@link dictionaryRules}: what `npm run build`, `content:version`, `content:translated` and `locales` run. */
export const buildRules: readonly Rule[] = rules.filter((rule) => !dictionaryRules.includes(rule))
