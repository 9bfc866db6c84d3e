/**
 * Who the commands run as: a user written as `docker run --user` takes it (name, uid,
 * uid:gid, name:group), resolved in the guest root's own /etc/passwd and /etc/group. Those
 * files belong to the image (or the rootfs), so they are untrusted input: read on the host
 * without following links, capped in size, parsed strictly.
 */
import { InputError, showValue } from '../errors.js'
import { TamperedError, readUntrustedFile } from '../guest/untrusted-file.js'

export interface UserSpec {
  /** As it was written (the input, or the image config's User). */
  text: string
  /** A name or a uid. */
  user: string
  /** A group name or a gid, when given after the colon. */
  group: string | undefined
}

/** The resolved user, as the guest init switches to it. */
export interface GuestUser {
  uid: number
  gid: number
  /** Supplementary groups, set with setgroups; empty drops all. */
  groups: number[]
  /** HOME unless the environment sets it. */
  home: string
}

interface PasswdEntry {
  name: string
  uid: number
  gid: number
  home: string
}

interface GroupEntry {
  name: string
  gid: number
  members: string[]
}

/**
 * The largest id accepted: what fits a signed 32-bit number, as container runtimes take it.
 * The guest init's plan parser (parse_id in native/init/krun-init.c) holds the same bound.
 */
const MAX_ID = 2 ** 31 - 1
const MAX_ACCOUNT_FILE_BYTES = 1024 * 1024
const MAX_GROUPS = 1024
/** A name as passwd and group hold one: no colon, comma, white space or control character. */
const ACCOUNT_NAME = /^[^:,\s\p{Cc}]+$/u
const NUMERIC = /^[0-9]+$/

function numericId(text: string): number | undefined {
  if (!NUMERIC.test(text)) return undefined
  const id = Number(text)
  return id <= MAX_ID ? id : undefined
}

/** Why `text` is not a user as `--user` takes it, or undefined when it is one. */
export function userSpecProblem(text: string): string | undefined {
  const parts = text.split(':')
  if (parts.length > 2 || parts.some((part) => !ACCOUNT_NAME.test(part))) {
    return 'expected a user name or uid, optionally followed by :group or :gid (e.g. root, 1000, 1000:1000, app:staff)'
  }
  if (parts.some((part) => NUMERIC.test(part) && numericId(part) === undefined)) {
    return `ids run from 0 to ${MAX_ID}`
  }
  return undefined
}

export function toUserSpec(text: string): UserSpec {
  const [user, group] = text.split(':')
  return { text, user, group }
}

/** The `user` input: empty for the image's User (or root). */
export function parseUser(raw: string): UserSpec | undefined {
  const text = raw.trim()
  if (text === '') return undefined
  const problem = userSpecProblem(text)
  if (problem) throw new InputError('user', `${showValue(text)} is not a user; ${problem}`)
  return toUserSpec(text)
}

/** The account files' lines that hold entries: blank lines, comments and NIS markers are skipped. */
function entryLines(text: string): [number, string[]][] {
  return text
    .split('\n')
    .map((line, index): [number, string] => [index + 1, line])
    .filter(([, line]) => line !== '' && !/^[#+-]/.test(line))
    .map(([number, line]) => [number, line.split(':')])
}

export class AccountFileError extends Error {}

function malformed(file: string, line: number, form: string): AccountFileError {
  return new AccountFileError(`its ${file} line ${line} is not ${form}`)
}

export function parsePasswd(text: string): PasswdEntry[] {
  const form = 'name:password:uid:gid:gecos:home:shell'
  return entryLines(text).map(([line, fields]) => {
    const [name, , uidText, gidText, , home] = fields
    const uid = numericId(uidText ?? '')
    const gid = numericId(gidText ?? '')
    if (
      fields.length !== 7 ||
      !ACCOUNT_NAME.test(name) ||
      uid === undefined ||
      gid === undefined ||
      home.includes('\0')
    ) {
      throw malformed('/etc/passwd', line, form)
    }
    return { name, uid, gid, home: home === '' ? '/' : home }
  })
}

export function parseGroup(text: string): GroupEntry[] {
  const form = 'name:password:gid:members'
  return entryLines(text).map(([line, fields]) => {
    const [name, , gidText, list] = fields
    const gid = numericId(gidText ?? '')
    const members = list === '' || list === undefined ? [] : list.split(',')
    if (
      fields.length !== 4 ||
      !ACCOUNT_NAME.test(name) ||
      gid === undefined ||
      !members.every((m) => ACCOUNT_NAME.test(m))
    ) {
      throw malformed('/etc/group', line, form)
    }
    return { name, gid, members }
  })
}

/** The account files' text; undefined for a file that is not there. */
export interface AccountFiles {
  passwd: string | undefined
  group: string | undefined
}

/** Reads etc/passwd and etc/group under `root`, refusing links (also on the way) and anything large. */
export function readAccountFiles(root: string): AccountFiles {
  const read = (file: string): string | undefined => {
    try {
      return readUntrustedFile(root, `etc/${file}`, MAX_ACCOUNT_FILE_BYTES)?.toString('utf8')
    } catch (error) {
      if (error instanceof TamperedError) {
        throw new AccountFileError(
          `its /etc/${file} is not a regular file of at most ${MAX_ACCOUNT_FILE_BYTES / 1024} KiB reached without links`
        )
      }
      throw error
    }
  }
  return { passwd: read('passwd'), group: read('group') }
}

/**
 * Resolves a user as `docker run --user` does: a name must be in /etc/passwd, a uid need not
 * be (then gid 0 and HOME /); a group name must be in /etc/group, a gid need not be. Without a
 * group, the user's passwd gid is primary and the groups listing the user's name are
 * supplementary; with one, that group alone. Throws AccountFileError naming what is missing.
 */
export function resolveUser(spec: UserSpec, files: AccountFiles): GuestUser {
  const uid = numericId(spec.user)
  const passwd = files.passwd === undefined ? [] : parsePasswd(files.passwd)
  const entry = passwd.find((e) => e.name === spec.user || (uid !== undefined && e.uid === uid))
  if (!entry && uid === undefined) {
    throw new AccountFileError(
      files.passwd === undefined ? 'it has no /etc/passwd' : `its /etc/passwd has no user ${showValue(spec.user)}`
    )
  }
  const groupFile = (): GroupEntry[] => (files.group === undefined ? [] : parseGroup(files.group))
  let gid = entry?.gid ?? 0
  let groups: number[] = []
  if (spec.group !== undefined) {
    const wanted = numericId(spec.group)
    const found = groupFile().find((g) => g.name === spec.group || (wanted !== undefined && g.gid === wanted))
    if (!found && wanted === undefined) {
      throw new AccountFileError(
        files.group === undefined ? 'it has no /etc/group' : `its /etc/group has no group ${showValue(spec.group)}`
      )
    }
    gid = found?.gid ?? (wanted as number)
  } else if (entry) {
    groups = [...new Set(groupFile().flatMap((g) => (g.members.includes(entry.name) ? [g.gid] : [])))]
    if (groups.length > MAX_GROUPS) {
      throw new AccountFileError(`its /etc/group lists ${showValue(entry.name)} in more than ${MAX_GROUPS} groups`)
    }
  }
  return { uid: entry?.uid ?? (uid as number), gid, groups, home: entry?.home ?? '/' }
}
