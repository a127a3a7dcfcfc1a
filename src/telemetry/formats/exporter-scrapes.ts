/**
 * Tells the scrapes of a dcgm-exporter dump apart when samples carry no
 * timestamp: every scrape lists each series once, so a series seen again,
 * or a `# HELP` block seen again, starts the next scrape.
 */
export class ScrapeCounter {
  private index = 0
  private readonly seriesSeen = new Set<string>()
  private readonly helpSeen = new Set<string>()

  /** The 0-based scrape a sample of `seriesKey` belongs to. */
  sample(seriesKey: string): number {
    if (this.seriesSeen.has(seriesKey)) this.next()
    this.seriesSeen.add(seriesKey)
    return this.index
  }

  /** Notes a `# HELP` line; true when it starts a new scrape. */
  help(metric: string): boolean {
    const restarts = this.helpSeen.has(metric)
    if (restarts) this.next()
    this.helpSeen.add(metric)
    return restarts
  }

  /** The scrape being read, 0-based. */
  get current(): number {
    return this.index
  }

  /** Only one scrape is remembered, so memory stays flat with file length. */
  private next(): void {
    this.index += 1
    this.seriesSeen.clear()
    this.helpSeen.clear()
  }
}
