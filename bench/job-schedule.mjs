// The phases of a synthetic multi-GPU training job, shared by every GPU of
// the fleet: idle between jobs, long load phases, short checkpoint dips.
import { between } from './random.mjs'

/** Frames per second of the log: nvidia-smi `-lms 100`. */
export const FRAMES_PER_S = 10

/**
 * How long each phase lasts, in s. Chosen to look like a day of training:
 * minutes of idle, tens of minutes of load broken by checkpoints.
 */
const PHASE_SPAN_S = {
  idle: [20, 180],
  load: [120, 1200],
  checkpoint: [5, 25]
}

/** Which phase follows which: a load ends in a checkpoint 70 % of the time. */
const NEXT_PHASE = {
  idle: () => 'load',
  load: random => (random() < 0.7 ? 'checkpoint' : 'idle'),
  checkpoint: () => 'load'
}

/** Fleet-wide phase clock; `step` advances it by one frame. */
export class JobSchedule {
  /** @param {() => number} random */
  constructor(random) {
    this.random = random
    this.phase = 'idle'
    this.framesLeft = this.spanFrames('idle')
    // Sustained board power of an H100 SXM job, 400–690 W under a 700 W cap.
    this.loadW = between(random, 400, 690)
    this.loadMemoryMiB = between(random, 52_000, 79_000)
  }

  /**
   * Advances one frame.
   * @returns {boolean} true when a new phase starts with this frame
   */
  step() {
    this.framesLeft -= 1
    if (this.framesLeft > 0) return false
    this.phase = NEXT_PHASE[this.phase](this.random)
    this.framesLeft = this.spanFrames(this.phase)
    if (this.phase === 'load') this.loadW = between(this.random, 400, 690)
    return true
  }

  /**
   * A random duration of the phase, in frames.
   * @param {'idle' | 'load' | 'checkpoint'} phase
   * @returns {number}
   */
  spanFrames(phase) {
    const [lowS, highS] = PHASE_SPAN_S[phase]
    return Math.round(between(this.random, lowS, highS) * FRAMES_PER_S)
  }
}
