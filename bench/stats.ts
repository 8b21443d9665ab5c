// Small statistics for the benchmark: medians and a growth exponent.

/**
 * The median of some numbers (the mean of the middle two for an even count).
 *
 * @param values At least one number.
 * @returns The median.
 * @throws {RangeError} When `values` is empty.
 * @example
 *   median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: expected at least one value, received none')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/**
 * The exponent k of the power law `time ≈ c · size^k` that fits the points
 * best (least squares on log–log): 1 is linear, 2 quadratic.
 *
 * @param points `[size, time]` pairs, at least two distinct sizes, all positive.
 * @returns The fitted exponent.
 * @throws {RangeError} With fewer than two distinct sizes.
 * @example
 *   growthExponent([[10, 1], [100, 10], [1000, 100]]) // 1
 */
export function growthExponent(points: ReadonlyArray<readonly [number, number]>): number {
  const xs = points.map(([size]) => Math.log(size))
  const ys = points.map(([, time]) => Math.log(time))
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length
  let covariance = 0
  let variance = 0
  for (let i = 0; i < xs.length; i++) {
    covariance += ((xs[i] as number) - meanX) * ((ys[i] as number) - meanY)
    variance += ((xs[i] as number) - meanX) ** 2
  }
  if (variance === 0) throw new RangeError('growthExponent: expected at least two distinct sizes')
  return covariance / variance
}
