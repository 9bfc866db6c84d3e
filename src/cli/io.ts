/** What krun-run reads and writes of its process, given whole so tests can stand in for it. */
export interface CliIo {
  argv: string[]
  env: NodeJS.ProcessEnv
  cwd: string
  stdinIsTerminal: boolean
  readStdin: () => Buffer
  writeOut: (text: string) => void
  writeErr: (text: string) => void
}
