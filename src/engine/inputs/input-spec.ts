/** What a row of the input table (table.ts) says about an input, and what its parser is given. */
/** What a parser may need besides the raw text: facts of the host it runs on. */
export interface ParseContext {
  /** The directory relative paths are resolved against. */
  cwd: string
  /** GITHUB_WORKSPACE, when set. */
  defaultWorkspace: string | undefined
  /** KRUN_LIBRARY, when set. */
  libraryFromEnv: string | undefined
  hostMemoryMib: number
  /** Where run directories, the krun-run launcher and its saved settings are made. */
  tempDir: string
}

export interface InputSpec {
  /** action.yml's default ('' when the default is worked out at run time). */
  default: string
  required: boolean
  /** How the default reads in help and in the README when it is not the literal value. */
  defaultText?: string
  /** krun-run's flags for it, the first being the main one; none for secrets. */
  flags: readonly string[]
  /** What the flag's value looks like in --help. */
  valueName: string
  /** One line of help. */
  help: string
  /** Turns the raw text into a typed value, or throws an InputError naming the input. */
  parse: (raw: string, context: ParseContext) => unknown
  /**
   * Whether the value reaches the VM process (its configuration, the guest's files); an
   * input that does not touches only this table, its consumer, action.yml, README and tests.
   */
  reachesVm: boolean
  /** One entry per line in the action; a repeatable flag in krun-run (the first replaces a saved value, later ones add lines). */
  repeatable?: true
  /** A secret: masked, never on a command line and never saved; krun-run reads it from this environment variable. */
  secretVariable?: string
  /** Each step's own: never saved as a default of later `shell: krun-run {0}` steps. */
  stepOwn?: true
  /**
   * A host path: resolved against the step's own directory, so later steps are given the
   * resolved text this returns (saved raw, it would resolve against theirs).
   */
  hostPath?: (parsed: never) => string
}

/** A host-path input whose saved text is worked out from its own parser's value. */
export function hostPathInput<T>(
  spec: Omit<InputSpec, 'parse' | 'hostPath'> & {
    parse: (raw: string, context: ParseContext) => T
    hostPath: (parsed: T) => string
  }
) {
  return spec
}
