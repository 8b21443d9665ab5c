// Positions as a streaming build keeps them in each step's summary: three
// small integers in one object instead of three objects, made into points
// only when a rule reads them (a diagnostic, at most a few per step).
import type {Point, Position} from 'unist'

// Each integer holds two numbers of 16 bits (the high one 15, to stay a
// small integer): lines and columns of a content file (at most 400 lines,
// 16 KiB) fit, and so do its offsets, plus one (0: none, as in front matter).
const HIGH = 0x7fff
const LOW = 0xffff

/** A {@link Position} held as three integers; its `start` and `end` are new points on each read. */
class CompactPosition implements Position {
  readonly #start: number
  readonly #end: number
  readonly #offsets: number

  constructor(start: Point, end: Point) {
    this.#start = (start.line << 16) | start.column
    this.#end = (end.line << 16) | end.column
    this.#offsets = (((start.offset ?? -1) + 1) << 16) | ((end.offset ?? -1) + 1)
  }

  get start(): Point {
    return point(this.#start, this.#offsets >>> 16)
  }

  get end(): Point {
    return point(this.#end, this.#offsets & LOW)
  }

  /** What `JSON.stringify` writes: the plain position. */
  toJSON(): Position {
    return {start: this.start, end: this.end}
  }
}

function point(packed: number, offset: number): Point {
  const line = packed >>> 16
  const column = packed & LOW
  return offset === 0 ? {line, column} : {line, column, offset: offset - 1}
}

// Whether a point's numbers fit (integers, in range).
const fits = (point: Point): boolean =>
  Number.isInteger(point.line) && point.line >= 0 && point.line <= HIGH &&
  Number.isInteger(point.column) && point.column >= 0 && point.column <= LOW &&
  (point.offset === undefined || (Number.isInteger(point.offset) && point.offset >= 0 && point.offset < HIGH))

/**
 * The same position in less than half the memory (one object of three small
 * integers): what a summary keeps of each place a cross-file rule may report
 * at. Reading `start` or `end` gives new, equal points each time. A position
 * whose numbers do not fit (past line 32,767, column 65,535 or offset 32,766)
 * is returned as it is.
 *
 * @param position Any position.
 * @returns An equal position, compact when it fits.
 * @example
 *   compactPosition({start: {line: 1, column: 1}, end: {line: 1, column: 4}}).end.column // 4
 */
export function compactPosition(position: Position): Position {
  if (position instanceof CompactPosition || !fits(position.start) || !fits(position.end)) return position
  return new CompactPosition(position.start, position.end)
}
