import type {Node, Point, Position} from 'unist'
import type {RoundRange} from '../../src/types.js'
import type {VFile} from 'vfile'
import type {ContentDocument} from '../parse/document.js'
import type {Manifest} from '../release/manifest.js'
import type {Severity} from '../report.js'
import {SOURCE} from '../limits.js'
import type {UnreadableEntry} from '../read/read.js'
import type {TranslationRecord, UnitKey} from '../read/translation-record.js'
import type {WordList} from '../read/words.js'

/** A content file as read from disk, before parsing. */
export interface SourceFile {
  /** The file; `value` is the decoded text (empty when it could not be decoded). */
  readonly file: VFile
  /** The raw bytes; empty when the file is over the size limit (it is never read whole). */
  readonly bytes: Uint8Array
  /** The file's size in bytes, as found on disk. */
  readonly size: number
  /** `guide` for `content/guide.md`, `step` for `content/steps/*.md`. */
  readonly kind: ContentDocument['kind']
}

/** Extra detail on a diagnostic, as vfile-message fields. */
export interface ReportDetail {
  readonly expected?: readonly string[]
  readonly actual?: string
  /**
   * How to fix this particular problem, when the rule covers several kinds of
   * problem and its general `tip` does not fit this one (default: the rule's tip).
   */
  readonly tip?: string
  /** This report's severity, when it differs from the rule's (default: the rule's). */
  readonly severity?: Severity
}

/** Which locale a lint run reads: the source (`content/`) or one translation (`content/locales/<tag>/`). */
export interface LocaleContext {
  /** The BCP 47 tag: the folder's name for a translation, the source's `locale:` (default `en-GB`). */
  readonly tag: string
  /** The source's tag (the same as `tag` in the source). */
  readonly sourceTag: string
  /** Whether this is the source content. */
  readonly isSource: boolean
  /** The text of the heading that opens a step's checklist in this locale (`checklist:` in its guide.md; default `Checklist`). */
  readonly checklistHeading: string
  /**
   * In a translation whose heading is not the source's: the source's, which
   * opens a checklist all the same (in a step copied to be translated) but is
   * a warning.
   */
  readonly sourceChecklistHeading?: string | undefined
  /** The folder, absolute (`content/` or `content/locales/<tag>/`). */
  readonly directory: string
  /** How diagnostics name a file of this folder (`locales/es/guide.md` → `content/locales/es/guide.md`). */
  readonly name: (file: string) => string
}

/** Files the content folder should have but lacks, or has but should not. */
export interface ContentLayout {
  /** Expected files that are missing (empty files named for where they belong). */
  readonly missing: readonly VFile[]
  /** Entries that are not part of the convention. */
  readonly unexpected: readonly VFile[]
  /**
   * Entries where a content file (or the steps folder) belongs that are not
   * one: symbolic links, FIFOs, devices, folders, files that cannot be read.
   * None of them is opened or followed.
   */
  readonly unreadable: readonly UnreadableEntry[]
}

/** What a rule sees: every document, plus a `report` bound to the rule. */
export interface RuleContext {
  /** What the content folder holds besides the files it should. */
  readonly layout: ContentLayout
  /** Every file as read, before parsing (what `source` rules check). */
  readonly sources: readonly SourceFile[]
  /** `content/guide.md`, when present. */
  readonly guide: ContentDocument | undefined
  /** `content/steps/*.md` that passed the source rules, in file name order. */
  readonly steps: readonly ContentDocument[]
  /** The guide's covered rounds, when its front matter states them validly. */
  readonly coveredRounds: RoundRange | undefined
  /**
   * The release history (`content/manifest.json`), when there is a valid one:
   * which ids were published, retired or renamed.
   */
  readonly manifest: Manifest | undefined
  /** The locale the documents are written in, a BCP 47 tag (`en-GB` for the source, unless its guide.md says otherwise). */
  readonly locale: string
  /** Which folder the documents are in (the source or a translation), and its conventions. */
  readonly folder: LocaleContext
  /**
   * For a translation: the source's lint (when the source passed it, so
   * parity is judged against sound content) and the translation's record.
   * `undefined` in the source.
   */
  readonly translation: TranslationContext | undefined
  /** The folder's spelling word list (`words.txt`), when it has a readable one. */
  readonly words?: WordList | undefined
  /**
   * Report a problem as a vfile message with this rule's id, source and tip:
   * fatal for an error, not fatal for a warning.
   *
   * @param target The document or file the problem is in.
   * @param reason One sentence: what is wrong, naming what was expected and found.
   * @param place The node or position to point at.
   * @param detail Expected and actual values, and a tip for this problem.
   */
  report(
    target: {readonly file: VFile},
    reason: string,
    place: Node | Position | Point | undefined,
    detail?: ReportDetail,
  ): void
}

/**
 * A content lint rule: one concern, a permanent id, a fix tip. Rules only
 * report; they never throw and never change the documents.
 */
export interface Rule {
  /** Permanent, kebab-case id (the vfile message's `ruleId`). */
  readonly id: string
  /** What the rule checks, one line. */
  readonly description: string
  /** How to fix a report, shown under it. */
  readonly tip: string
  /**
   * `source` rules run on the raw files before parsing (a file they report on
   * is not parsed at all); the others run on parsed documents.
   */
  readonly phase: 'source' | 'document'
  /** How much this rule's reports matter (default `'error'`); one report may override it. */
  readonly severity?: Severity
  /**
   * Whether a document this rule reports on is withheld from the rules after
   * it (default `false`). For problems that leave the rest of the file
   * unreadable (front matter that never closes reads as a thematic break and a
   * paragraph), so one root cause gives one diagnostic, as source rules do.
   */
  readonly blocking?: boolean
  /** Inspect the documents and report problems. */
  check(context: RuleContext): void
}

/** What a translation's rules see of the source and of the translation's record. */
export interface TranslationContext {
  /** The source's lint, when it passed (parity is judged against it); `undefined` when it failed. */
  readonly source: SourceView | undefined
  /** `translation.json`, when there is a readable one. */
  readonly record: TranslationRecord | undefined
}

/** The parts of the source's lint that a translation is judged against. */
export interface SourceView {
  readonly guide: ContentDocument
  readonly steps: readonly ContentDocument[]
  readonly coveredRounds: RoundRange
  /** The version a unit's text was last released in, or `undefined` when unreleased. */
  readonly releasedIn: (unit: UnitKey, hash: string) => string | undefined
}

/**
 * Run rules, adding their reports to each file as vfile messages: fatal for
 * errors, not fatal for warnings. The message's `note` is the report's own
 * tip, or else the rule's. Only errors withhold a document from later rules.
 *
 * @param rules The rules to run, in order.
 * @param context The files and documents they inspect, and their locale.
 */
export function runRules(rules: readonly Rule[], context: Omit<RuleContext, 'report' | 'locale'>): void {
  let {guide, steps} = context
  for (const rule of rules) {
    const reported = new Set<VFile>()
    rule.check({
      ...context,
      locale: context.folder.tag,
      guide,
      steps,
      report(target, reason, place, detail) {
        const position =
          place !== undefined && 'type' in place ? (place as Node).position : (place as Position | Point | undefined)
        const message = target.file.message(reason, {place: position, ruleId: rule.id, source: SOURCE})
        const severity = detail?.severity ?? rule.severity ?? 'error'
        message.fatal = severity === 'error'
        message.note = detail?.tip ?? rule.tip
        if (detail?.expected !== undefined) message.expected = [...detail.expected]
        if (detail?.actual !== undefined) message.actual = detail.actual
        if (severity === 'error') reported.add(target.file)
      },
    })
    if (rule.blocking === true && reported.size > 0) {
      if (guide !== undefined && reported.has(guide.file)) guide = undefined
      steps = steps.filter((document) => !reported.has(document.file))
    }
  }
}
