/**
 * What a pull is doing at the moment (downloads, the config, the layer being unpacked), so that a
 * pull stopped by the run's timeout or a cancellation can say everything that was still running,
 * not only whichever part happened to fail first.
 */
export class PullActivity {
  private readonly running = new Map<number, () => string>()
  private nextId = 0
  private snapshot: string[] | undefined

  constructor(stop: AbortSignal | undefined) {
    // Taken at once: what was running ends within moments of the stop, each with its own failure.
    stop?.addEventListener('abort', () => (this.snapshot ??= [...this.running.values()].map((say) => say())), {
      once: true
    })
  }

  /** Notes that what `describe()` says is running, until the returned function is called. */
  start(describe: () => string): () => void {
    const id = this.nextId++
    this.running.set(id, describe)
    return () => this.running.delete(id)
  }

  /** What was running when the stop came; empty when nothing was, or no stop came. */
  get stoppedDuring(): string[] {
    return this.snapshot ?? []
  }
}
