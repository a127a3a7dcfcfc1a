/** A promise waiting for a condition on the tracker. */
interface Waiter {
  ready(): boolean
  resolve(): void
}

/**
 * Follows nvidia-smi's sampling frames: each loop prints one row per GPU
 * in index order, so a GPU seen twice starts a new frame, and a GPU that
 * had no row in the frame just ended has stopped answering. Also tells
 * waiters when every GPU has reported (at all, or after a given time).
 */
export class FrameTracker {
  private readonly lastMs = new Map<string, number>()
  private readonly lost = new Set<string>()
  private frame = new Set<string>()
  private waiters: Waiter[] = []
  private finished = false

  constructor(private readonly keys: readonly string[]) {}

  /**
   * Records a row of `key` at `timeMs`; returns the GPUs that had no row
   * in the frame this row closes (none unless it starts a new frame).
   */
  row(key: string, timeMs: number): string[] {
    let missing: string[] = []
    if (this.frame.has(key)) {
      missing = this.keys.filter(k => !this.frame.has(k) && !this.lost.has(k))
      this.frame = new Set()
    }
    this.frame.add(key)
    this.lastMs.set(key, Math.max(timeMs, this.lastMs.get(key) ?? timeMs))
    this.wake()
    return missing
  }

  /** True while `key` is marked lost. */
  isLost(key: string): boolean {
    return this.lost.has(key)
  }

  /** Marks `key` lost: nobody waits for it any more. */
  lose(key: string): void {
    this.lost.add(key)
    this.wake()
  }

  /** Clears a loss; true when `key` had been lost. */
  answeredAgain(key: string): boolean {
    return this.lost.delete(key)
  }

  /** Resolves once every GPU has had a row, or sampling ended. */
  seenAll(): Promise<void> {
    return this.wait(() =>
      this.keys.every(k => this.lastMs.has(k) || this.lost.has(k))
    )
  }

  /** Resolves once every GPU still answering has a row at or after `timeMs`. */
  seenAllAfter(timeMs: number): Promise<void> {
    return this.wait(() =>
      this.keys.every(
        k => this.lost.has(k) || (this.lastMs.get(k) ?? -Infinity) >= timeMs
      )
    )
  }

  /** Sampling ended: every waiter is released. */
  finish(): void {
    this.finished = true
    this.wake()
  }

  private wait(ready: () => boolean): Promise<void> {
    if (this.finished || ready()) return Promise.resolve()
    return new Promise(resolve => this.waiters.push({ ready, resolve }))
  }

  private wake(): void {
    const waiting: Waiter[] = []
    for (const waiter of this.waiters) {
      if (this.finished || waiter.ready()) waiter.resolve()
      else waiting.push(waiter)
    }
    this.waiters = waiting
  }
}
