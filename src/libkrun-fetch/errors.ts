/** ArchiveError: a libkrun archive that cannot be used, in one line that names its URL. */
export class ArchiveError extends Error {
  /**
   * True when the fix is in what the user named (the URL, the digest, the archive it leads to),
   * not in the network, the server's health or the cache's disk.
   */
  readonly inputMistake: boolean

  constructor(message: string, options: { inputMistake?: boolean } = {}) {
    super(message.replace(/\s+/g, ' ').trim())
    this.name = 'ArchiveError'
    this.inputMistake = options.inputMistake ?? false
  }
}
