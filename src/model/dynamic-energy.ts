/**
 * Energy above a floor for one linear segment: ∫ max(0, P(t) − floor) dt
 * where P goes linearly from `startW` to `endW` over `durationS`. Exact,
 * including segments that cross the floor, so the L3 model's dynamic
 * term needs no per-sample storage.
 */
export function energyAboveFloorJ(
  durationS: number,
  startW: number,
  endW: number,
  floorW: number
): number {
  const a = startW - floorW
  const b = endW - floorW
  if (a >= 0 && b >= 0) return (durationS * (a + b)) / 2
  if (a <= 0 && b <= 0) return 0
  const positive = a > 0 ? a : b
  return (durationS * positive * positive) / (2 * Math.abs(a - b))
}

/** Trapezoid energy of one segment in J. */
export function trapezoidJ(
  durationS: number,
  startW: number,
  endW: number
): number {
  return (durationS * (startW + endW)) / 2
}
