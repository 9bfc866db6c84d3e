/**
 * The libkrun symbols krun-action knows, in one table: the release that first exports each
 * (libkrun has no version call, so its symbols tell its age) and whether the stand-in libkrun
 * exports it. __tests__/libkrun-symbols.test.ts holds vm/libkrun.ts's bindings, the stand-in
 * (native/standin/api.c), native/Makefile's EXPORTS and native/README.md to this table.
 */

interface LibkrunSymbol {
  /** The first release exporting it (include/libkrun.h and its tags); unset: every supported one. */
  since?: string
  /** Exported only by builds with this libkrun feature (and so optional in every release). */
  feature?: string
  /** Exported by native/standin: what the VM process calls, and the minimum release's marker. */
  standin: boolean
}

export const LIBKRUN_SYMBOLS = {
  krun_set_log_level: { standin: true },
  krun_create_ctx: { standin: true },
  krun_set_vm_config: { standin: true },
  krun_set_root: { standin: true },
  krun_set_workdir: { standin: true },
  krun_set_exec: { standin: true },
  krun_add_virtiofs: { standin: true },
  // Since 1.10, in builds with the block device feature; the 1.16 stand-in imitates one without.
  krun_add_disk2: { feature: 'blk', standin: true },
  krun_set_port_map: { standin: true },
  krun_start_enter: { standin: true },
  krun_check_nested_virt: { since: '1.12', standin: true },
  krun_init_log: { since: '1.13', standin: true },
  krun_add_net_unixstream: { since: '1.15', standin: false },
  krun_disable_implicit_console: { since: '1.16', standin: false },
  krun_disable_implicit_vsock: { since: '1.17', standin: true },
  krun_has_feature: { since: '1.17.3', standin: false },
  krun_add_virtiofs3: { since: '1.18', standin: true },
  krun_disable_implicit_init: { since: '1.19', standin: false }
} as const satisfies Record<string, LibkrunSymbol>

export type LibkrunSymbolName = keyof typeof LIBKRUN_SYMBOLS

/**
 * The oldest release krun-action runs: the guest's exit code reaches the host from 1.12 on.
 * Its marker is the first symbol no 1.11 release exports, and every build exports it.
 */
export const MIN_LIBKRUN_SYMBOL = 'krun_check_nested_virt'
export const MIN_LIBKRUN_VERSION: string = LIBKRUN_SYMBOLS[MIN_LIBKRUN_SYMBOL].since

/** The libkrun build feature a symbol needs, if any. */
export function featureOf(symbol: LibkrunSymbolName): string | undefined {
  const row: LibkrunSymbol = LIBKRUN_SYMBOLS[symbol]
  return row.feature
}

/** The first release exporting a symbol; undefined for those every supported release has. */
export function since(symbol: LibkrunSymbolName): string | undefined {
  const row: LibkrunSymbol = LIBKRUN_SYMBOLS[symbol]
  return row.since
}

function compareReleases(a: string, b: string): number {
  const [x, y] = [a, b].map((release) => release.split('.').map(Number))
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

/** Each symbol that marks a release, with that release, newest first. */
export const VERSION_MARKERS: readonly (readonly [LibkrunSymbolName, string])[] = Object.entries(LIBKRUN_SYMBOLS)
  .flatMap(([symbol, row]: [string, LibkrunSymbol]) =>
    row.since ? [[symbol as LibkrunSymbolName, row.since] as const] : []
  )
  .sort(([, a], [, b]) => compareReleases(b, a))

/** Whether `release` is at least `floor` (both dotted numbers). */
export function releaseAtLeast(release: string, floor: string): boolean {
  return compareReleases(release, floor) >= 0
}
