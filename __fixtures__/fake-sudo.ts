/**
 * Stand-ins for sudo and udevadm, put first on PATH by the kvm-access tests: each call is
 * recorded, and nothing outside their own directory is ever run (the rule meant for
 * /etc/udev/rules.d is kept in a file of theirs instead).
 */
import fs from 'node:fs'
import path from 'node:path'

export interface FakeSudo {
  dir: string
  /** One line per call: `sudo ARGS` or `udevadm ARGS`. */
  record: string
  /** What `sudo -n tee FILE` was given on stdin. */
  teeInput: string
  /** A PATH with the stand-ins first. */
  path: string
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`

export interface FakeSudoOptions {
  /** Whether `sudo -n true` succeeds (passwordless sudo). */
  passwordless: boolean
  /** Shell commands `udevadm trigger` runs, standing for the device's new mode. */
  onTrigger: string
}

export function makeFakeSudo(dir: string, options: FakeSudoOptions): FakeSudo {
  fs.mkdirSync(dir, { recursive: true })
  const record = path.join(dir, 'calls')
  const teeInput = path.join(dir, 'tee-input')
  fs.writeFileSync(record, '')
  const sudo = `#!/bin/sh
printf 'sudo %s\\n' "$*" >> ${quote(record)}
[ "$1" = -n ] || exit 1
shift
case "$1" in
true) exit ${options.passwordless ? 0 : 1} ;;
*/tee) cat > ${quote(teeInput)} ;;
${quote(dir)}/*) exec "$@" ;;
*) echo "stand-in sudo: not running $1" >&2; exit 1 ;;
esac
`
  const udevadm = `#!/bin/sh
printf 'udevadm %s\\n' "$*" >> ${quote(record)}
if [ "$1" = trigger ]; then
${options.onTrigger}
fi
`
  fs.writeFileSync(path.join(dir, 'sudo'), sudo, { mode: 0o755 })
  fs.writeFileSync(path.join(dir, 'udevadm'), udevadm, { mode: 0o755 })
  return { dir, record, teeInput, path: `${dir}:${process.env.PATH ?? '/usr/bin:/bin'}` }
}
