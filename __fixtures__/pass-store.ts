/**
 * A real Docker credential helper for the image tests: docker-credential-pass (Debian's
 * `golang-docker-credential-helpers`) over a `pass` store with a throwaway GnuPG key, all in a
 * temporary directory named by the environment it returns.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface PassStore {
  /** GNUPGHOME, PASSWORD_STORE_DIR and PATH, for the helper to find its store. */
  env: NodeJS.ProcessEnv
  store(server: string, username: string, secret: string): void
  stop(): void
}

export function startPassStore(): PassStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pass-store-'))
  const env = {
    PATH: process.env.PATH,
    GNUPGHOME: path.join(dir, 'gnupg'),
    PASSWORD_STORE_DIR: path.join(dir, 'store')
  }
  const run = (command: string, args: string[], input?: string): void => {
    try {
      execFileSync(command, args, { env, input, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 })
    } catch (error) {
      throw new Error(
        `${command} failed: install gnupg, pass and golang-docker-credential-helpers (${(error as Error).message})`,
        { cause: error }
      )
    }
  }
  const stop = (): void => {
    try {
      execFileSync('gpgconf', ['--kill', 'gpg-agent'], { env, stdio: 'ignore' })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  const identity = 'krun-tests@example.invalid'
  try {
    fs.mkdirSync(env.GNUPGHOME, { mode: 0o700 })
    run('gpg', ['--batch', '--passphrase', '', '--quick-gen-key', identity, 'default', 'default', 'never'])
    run('pass', ['init', identity])
  } catch (error) {
    // The agent gpg started and the directory must not outlive a failed setup; its error is the one to report.
    try {
      stop()
    } catch {
      // gpgconf is missing too, or there was no agent to kill.
    }
    throw error
  }
  return {
    env,
    store: (server, username, secret) =>
      run(
        'docker-credential-pass',
        ['store'],
        JSON.stringify({ ServerURL: server, Username: username, Secret: secret })
      ),
    stop
  }
}
