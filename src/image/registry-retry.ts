/** When a registry request is tried again: after 429, 5xx and broken connections, with backoff. */

/** Waits between tries: four tries in all, under 4 s of waiting. */
const RETRY_DELAYS_MS = [500, 1000, 2000]
const MAX_RETRY_AFTER_MS = 10_000

/** How many times a request is tried again after its first try. */
export const RETRIES = RETRY_DELAYS_MS.length

/** How long to wait before try `tries + 2`: the backoff, or longer when the registry said Retry-After (capped). */
export function retryDelayMs(tries: number, retryAfterMs: number | undefined): number {
  return Math.min(Math.max(RETRY_DELAYS_MS[tries], retryAfterMs ?? 0), MAX_RETRY_AFTER_MS)
}

/** Waits `ms`, or less when `abandon` is aborted first. */
export function sleep(ms: number, abandon?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer)
      abandon?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    abandon?.addEventListener('abort', done, { once: true })
  })
}
