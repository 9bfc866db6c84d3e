/**
 * The fence around the guest's output. The runner acts on workflow commands (`::error::`,
 * `::add-mask::`, `::stop-commands::` ...) in whatever a step prints, and the guest's output
 * is printed as the step's own: so it is printed between `::stop-commands::TOKEN` and
 * `::TOKEN::`, GitHub's way to have the runner ignore commands until TOKEN comes back.
 *
 * The token is drawn when the fence opens, after everything the guest could read was
 * written, and lives only in this process and the step's log, where it is masked first:
 * with `rootfs: /` the guest can read the runner's own files, its log pages included.
 * The runner keeps one stop state for the whole job and both of a step's streams, so a
 * fence left open would silence every later step: closing never depends on the guest.
 */
import crypto from 'node:crypto'

/** 128 random bits in hex: no workflow command's name, and nothing the guest can guess. */
export function newFenceToken(): string {
  return crypto.randomBytes(16).toString('hex')
}

export class OutputFence {
  private token: string | undefined

  /** `write` must have put the text in the runner's pipe when it returns, as process.stdout does for pipes and files. */
  constructor(
    private readonly write: (text: string) => void,
    private readonly drawToken: () => string = newFenceToken
  ) {}

  get isOpen(): boolean {
    return this.token !== undefined
  }

  open(): void {
    if (this.token !== undefined) return
    const token = this.drawToken()
    this.write(`::add-mask::${token}\n::stop-commands::${token}\n`)
    this.token = token
  }

  /**
   * The newline first ends whatever line the guest left unfinished: the runner reads a
   * command only at the start of a line, so `::TOKEN::` glued to the guest's last bytes
   * would leave the fence open.
   */
  close(): void {
    if (this.token === undefined) return
    const token = this.token
    this.token = undefined
    this.write(`\n::${token}::\n`)
  }

  /**
   * Prints the front end's own lines where the runner reads them: the fence is closed
   * first and opened again, with a new token, after. While the guest runs it could slip a
   * line in between, which is why the engine says nothing then.
   */
  outside(say: () => void): void {
    if (this.token === undefined) {
      say()
      return
    }
    this.close()
    try {
      say()
    } finally {
      this.open()
    }
  }
}
