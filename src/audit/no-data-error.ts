/** Nothing usable was read: the CLI exits 1 with this message. */
export class NoDataError extends Error {
  override name = 'NoDataError'
}
