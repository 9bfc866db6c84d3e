/** The tar reader's input: exact byte counts from a stream of chunks, copied only when a count spans chunks. */
export class ByteReader {
  private queue: Buffer[] = []
  private head = 0
  private buffered = 0
  private ended = false

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(wanted: number): Promise<void> {
    while (this.buffered < wanted && !this.ended) {
      const next = await this.source.next()
      if (next.done) this.ended = true
      else if (next.value.length > 0) {
        this.queue.push(next.value)
        this.buffered += next.value.length
      }
    }
  }

  /** Up to `limit` bytes that are already here or arrive next; empty only at the end of the stream. */
  async some(limit: number): Promise<Buffer> {
    if (this.buffered === 0) await this.fill(1)
    const first = this.queue[this.head]
    if (!first) return Buffer.alloc(0)
    if (first.length <= limit) {
      this.head++
      if (this.head === this.queue.length) {
        this.queue = []
        this.head = 0
      }
      this.buffered -= first.length
      return first
    }
    this.queue[this.head] = first.subarray(limit)
    this.buffered -= limit
    return first.subarray(0, limit)
  }

  /** Exactly `count` bytes when they are already here, without waiting; else undefined. */
  taken(count: number): Buffer | undefined {
    const first = this.queue[this.head]
    if (!first || first.length < count) return undefined
    if (first.length === count) {
      this.head++
      if (this.head === this.queue.length) {
        this.queue = []
        this.head = 0
      }
    } else {
      this.queue[this.head] = first.subarray(count)
    }
    this.buffered -= count
    return first.length === count ? first : first.subarray(0, count)
  }

  /** Exactly `count` bytes, or fewer only when the stream ends first. */
  async take(count: number): Promise<Buffer> {
    await this.fill(count)
    if ((this.queue[this.head]?.length ?? 0) >= count) return this.some(count)
    const parts: Buffer[] = []
    let have = 0
    while (have < count) {
      const part = await this.some(count - have)
      if (part.length === 0) break
      parts.push(part)
      have += part.length
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, have)
  }

  /** Skips `count` bytes when they are already here, without waiting; false (nothing skipped) when not. */
  skipped(count: number): boolean {
    return count === 0 || this.taken(count) !== undefined
  }

  async skip(count: number): Promise<number> {
    let skipped = 0
    while (skipped < count) {
      const part = await this.some(count - skipped)
      if (part.length === 0) break
      skipped += part.length
    }
    return skipped
  }

  async drain(): Promise<void> {
    while ((await this.some(Number.MAX_SAFE_INTEGER)).length > 0);
  }
}
