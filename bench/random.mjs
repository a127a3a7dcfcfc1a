// Seeded pseudo-random numbers for the benchmark generator. Xorshift32
// (Marsaglia, "Xorshift RNGs", 2003, shifts 13/17/5): the same seed always
// writes the same file, which Math.random could not promise.

/**
 * A source of uniform numbers in [0, 1) from a 32-bit seed.
 * @param {number} seed any integer; 0 is replaced because xorshift needs a set bit
 * @returns {() => number}
 */
export function createRandom(seed) {
  let state = seed >>> 0 || 0x9e3779b9
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 4294967296
  }
}

/**
 * A uniform number in [low, high).
 * @param {() => number} random
 * @param {number} low
 * @param {number} high
 * @returns {number}
 */
export function between(random, low, high) {
  return low + (high - low) * random()
}

/**
 * A roughly normal number with mean 0 and standard deviation 1: the sum of
 * three uniforms has variance 3/12, so (sum − 1.5) × 2 has variance 1.
 * Only arithmetic, so no libm difference can change the file.
 * @param {() => number} random
 * @returns {number}
 */
export function bell(random) {
  return (random() + random() + random() - 1.5) * 2
}
