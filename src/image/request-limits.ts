/**
 * How long one request to a registry may take. Two limits: nothing may arrive for `idleMs` (a dead
 * connection; retried), and the whole request, redirects and body included, must be over by its
 * deadline (a registry that sends a few bytes now and then keeps a connection from ever idling; not
 * retried). Besides these, a pull ends when the step's timeout does (see ImageRequest.signal).
 */
export interface RequestLimits {
  /** Nothing arrived for this long: the connection is dead. */
  idleMs: number
  /** Every request gets this long, */
  requestMs: number
  /** and a blob as long again as it takes at this rate. */
  minBytesPerSecond: number
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  idleMs: 60_000,
  requestMs: 120_000,
  // 1 Mbit/s: slower than any runner's network, far faster than a registry that drips.
  minBytesPerSecond: 128 * 1024
}

/** The deadline of a request for `bytes` (0 when not known in advance), in ms from its start. */
export function requestDeadlineMs(limits: RequestLimits, bytes = 0): number {
  return limits.requestMs + Math.ceil((bytes / limits.minBytesPerSecond) * 1000)
}
