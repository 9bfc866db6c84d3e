/**
 * Whether a host directory belongs to the kernel rather than to a disk: /proc, /sys and /dev,
 * or any mount of a pseudo file system elsewhere. Sharing one with the guest shares the host's
 * processes, devices or kernel settings, never a project, and the guest cannot mount it anyway.
 */
import fs from 'node:fs'

const PSEUDO_ROOTS = ['/proc', '/sys', '/dev']

/** statfs f_type values (linux/magic.h) of the file systems through which the kernel shows itself. */
const PSEUDO_TYPES: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0xf97cff8c, 'selinuxfs'],
  [0x43415d53, 'smackfs'],
  [0x6165676c, 'pstore'],
  [0xde5e81e4, 'efivarfs'],
  [0xcafe4a11, 'bpf'],
  [0x62656570, 'configfs'],
  [0x65735543, 'fusectl'],
  [0x19800202, 'mqueue'],
  [0x42494e4d, 'binfmt_misc'],
  [0x6e736673, 'nsfs'],
  [0x67596969, 'rpc_pipefs']
])

/** How a message says where `dir` (absolute, real) is when it is a pseudo file system: "under /proc", "on a cgroup2 file system". */
export function pseudoFileSystem(dir: string): string | undefined {
  const root = PSEUDO_ROOTS.find((pseudo) => dir === pseudo || dir.startsWith(`${pseudo}/`))
  if (root !== undefined) return `under ${root}`
  let type: number
  try {
    type = fs.statfsSync(dir).type
  } catch {
    // Whatever keeps statfs from answering keeps the share from working too, and says so there.
    return undefined
  }
  const name = PSEUDO_TYPES.get(type)
  return name === undefined ? undefined : `on a ${name} file system`
}
