import type { TelemetrySource } from '../../src/telemetry/telemetry-source.js'

/**
 * A `File` chosen or dropped on the page as a telemetry source: the head
 * by `slice`, the body streamed chunk by chunk, so a large log is never
 * held in memory whole.
 */
export function browserFileSource(file: File): TelemetrySource {
  return {
    name: file.name,
    size: file.size,
    head: async maxBytes =>
      new Uint8Array(await file.slice(0, maxBytes).arrayBuffer()),
    chunks: () => streamChunks(file.stream())
  }
}

/** A byte stream as an async iterable (older engines lack `for await`). */
async function* streamChunks(
  stream: ReadableStream<Uint8Array>
): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}
