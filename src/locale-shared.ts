// What every locale's entry (src/generated/locales/<tag>/index.ts) exports
// besides the members of its `LocaleApi`: the error classes, one copy shared
// by every entry (so `instanceof` works across them), and the types. Exports only.
export {GuideRangeError, GuideTypeError, isGuideError} from './errors.js'
export type {GuideError, GuideErrorCode} from './errors.js'
export type {
  ChecklistItem,
  ChecklistItemId,
  Guide,
  Introduction,
  Locale,
  Round,
  RoundRange,
  Step,
  StepId,
  StepNumber,
} from './types.js'
export type {Change, ChangeKind, ChangeTarget, Release} from './types.js'
export type {MigratedProgress, ProgressRecord, ProgressRename, RoundProgress} from './progress.js'
