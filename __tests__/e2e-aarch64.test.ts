/**
 * The aarch64 tier: the bundled action as an arm64 runner runs it, on an x86_64 machine
 * under QEMU's user-mode emulation. Node.js for arm64 runs dist/index.js; the action picks
 * dist/native/aarch64/krun-init by itself (process.arch is arm64) and starts its VM process
 * with the same node, where koffi loads its arm64 module and the stand-in libkrun built for
 * aarch64; the stand-in runs that init, and the guest's commands run on busybox for arm64.
 * scripts/install-aarch64-tools installs the emulator, the node and the busybox base;
 * `npm run build:native` builds the stand-in and the audit library below.
 *
 * How the emulation is arranged, with nothing on the host changed:
 *
 * - Every aarch64 program started along the way (the VM process's node, the init, the
 *   guest's busybox) is an exec of an aarch64 ELF file, which the kernel hands to
 *   qemu-aarch64 through binfmt_misc. Each run of the action gets a binfmt_misc of its own:
 *   since Linux 6.7 a user namespace can mount one, whose registrations only its own
 *   processes see, and which disappears with them, however the run ends. So the action runs
 *   in a new user namespace (root mapped to root) with new mount and network namespaces.
 *   The registration's flags: F, the kernel opens qemu-aarch64 when it is registered, so it
 *   still runs the init after the stand-in's chroot; P, the program keeps its argv[0]
 *   (busybox runs an applet by executing itself with the applet's name as argv[0]; QEMU 10
 *   learns of the flag from the kernel's AT_FLAGS).
 * - In that user namespace the host's mounts are locked, and the guest init's overlayfs
 *   refuses a lower layer that holds locked mounts, as a bind of the host's / does: the base
 *   is a plain directory instead (.test-tools/aarch64/rootfs, busybox for arm64), which also
 *   makes the guest aarch64 throughout. A user namespace cannot mount devtmpfs (the init
 *   binds /dev instead, as on a guest kernel without it), and sysfs only in a network
 *   namespace of its own (the "host network" the stand-in shares is that new one).
 * - QEMU's user mode answers an ioctl it cannot translate, KVM_GET_API_VERSION among them,
 *   with ENOTTY itself: the request never reaches the host kernel, so with-kvm's answer
 *   cannot reach the emulated VM process. The audit library native/test/kvm-api-audit.c
 *   (LD_AUDIT, set for the emulated processes only through QEMU_SET_ENV) answers it there,
 *   for the device with-kvm provides.
 */
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {
  type ActionResult,
  DIST,
  type RunOptions,
  errorLines,
  processesWith,
  removeScratches,
  runAction
} from '../__fixtures__/action-runner.js'
import { REPO, defineTierCheck, describeTier, kvmDeviceProblem } from '../__fixtures__/tiers.js'

const TOOLS = path.join(REPO, '.test-tools/aarch64')
const QEMU = path.join(TOOLS, 'qemu-aarch64')
const NODE = path.join(TOOLS, 'node/bin/node')
const ROOTFS = path.join(TOOLS, 'rootfs')
const STANDIN_AARCH64 = path.join(REPO, 'native/build/aarch64/standin/libkrun.so.1')
const KVM_API_AUDIT = path.join(REPO, 'native/build/aarch64/test/kvm-api-audit.so')
/** Where Debian's libc6-arm64-cross and libstdc++6-arm64-cross put the runtime Node.js needs. */
const AARCH64_RUNTIME = '/usr/aarch64-linux-gnu'
const INIT = path.join(DIST, 'native/aarch64/krun-init')

/**
 * binfmt_misc's match for an aarch64 program: the first 20 bytes of a 64-bit little-endian
 * ELF header (magic, class 2, data 1, version 1, any OS ABI, zero padding) with e_type 2 or
 * 3 (an executable or a shared object, such as a PIE) and e_machine 183 (EM_AARCH64).
 */
const ELF_AARCH64 = [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 183, 0]
const ELF_AARCH64_MASK = [
  0xff,
  0xff,
  0xff,
  0xff,
  0xff,
  0xff,
  0xff,
  0,
  ...Array<number>(8).fill(0xff),
  0xfe,
  0xff,
  0xff,
  0xff
]
const escaped = (bytes: number[]) => bytes.map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('')
const REGISTRATION = `:krun-test-aarch64:M::${escaped(ELF_AARCH64)}:${escaped(ELF_AARCH64_MASK)}:${QEMU}:FP`

const BINFMT = '/proc/sys/fs/binfmt_misc'
/**
 * bash -c: mounts this user namespace's binfmt_misc, registers $1 there, and execs the rest.
 * bash, since dash drops variables such as INPUT_EXPORT-ENV, whose names are no shell names.
 */
const REGISTER_AND_EXEC = `mount -t binfmt_misc binfmt_misc ${BINFMT} && printf '%s' "$1" > ${BINFMT}/register && shift && exec "$@"`
const PRIVATE_NAMESPACES = ['unshare', '--user', '--map-root-user', '--mount', '--net', '--']

/** The command that runs the arm64 node under emulation, in namespaces of its own. */
const ARM64_NODE = [...PRIVATE_NAMESPACES, 'bash', '-c', REGISTER_AND_EXEC, 'bash', REGISTRATION, NODE]

/** Why a user namespace cannot have a binfmt_misc of its own here, if it cannot. */
function privateBinfmtProblem(): string | undefined {
  const [unshare, ...args] = [...PRIVATE_NAMESPACES, 'mount', '-t', 'binfmt_misc', 'binfmt_misc', BINFMT]
  try {
    execFileSync(unshare, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    return undefined
  } catch (error) {
    const said = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim()
    return `a user namespace cannot mount a binfmt_misc of its own here (that needs Linux 6.7 or newer): ${said}`
  }
}

function aarch64TierProblem(): string | undefined {
  if (process.arch !== 'x64')
    return `this tier emulates aarch64 on an x86_64 machine; this one is ${process.arch}, where the standin tier runs the aarch64 init natively`
  if (process.getuid?.() !== 0)
    return 'needs root (a user namespace with its own binfmt_misc, and the stand-in libkrun mounts)'
  const install = 'run scripts/install-aarch64-tools as root'
  for (const [file, fix] of [
    [QEMU, install],
    [NODE, install],
    [path.join(ROOTFS, 'bin/sh'), install],
    [path.join(AARCH64_RUNTIME, 'lib/ld-linux-aarch64.so.1'), install],
    [path.join(AARCH64_RUNTIME, 'lib/libstdc++.so.6'), install],
    [STANDIN_AARCH64, 'run npm run build:native (needs gcc-aarch64-linux-gnu)'],
    [KVM_API_AUDIT, 'run npm run build:native (needs gcc-aarch64-linux-gnu)']
  ]) {
    const shown = file.startsWith(`${REPO}${path.sep}`) ? path.relative(REPO, file) : file
    if (!fs.existsSync(file)) return `${shown} is missing; ${fix}`
  }
  // binfmt_misc's registration is colon-separated.
  if (QEMU.includes(':')) return `binfmt_misc cannot name ${QEMU}, whose path holds a colon`
  return kvmDeviceProblem() ?? privateBinfmtProblem()
}

defineTierCheck('aarch64', aarch64TierProblem)

afterAll(removeScratches)

/** The action as an arm64 runner runs it, against the aarch64 stand-in, on the busybox base. */
async function run(options: RunOptions): Promise<ActionResult> {
  const result = await runAction({
    libkrun: STANDIN_AARCH64,
    node: ARM64_NODE,
    ...options,
    // network tsi: qemu-user runs no seccomp filter of its guest's (it would filter qemu's own
    // x86_64 calls), so network public fails there with one line naming network.
    inputs: { rootfs: ROOTFS, network: 'tsi', ...options.inputs },
    env: {
      QEMU_LD_PREFIX: AARCH64_RUNTIME,
      // For the emulated processes only: set in the environment, the host's own x86_64
      // programs (unshare, bash) would each warn that they cannot load it.
      QEMU_SET_ENV: `LD_AUDIT=${KVM_API_AUDIT}`,
      ...options.env
    }
  })
  // No private directory survives a run.
  expect(result.leftInTemp).toEqual([])
  return result
}

describeTier(
  'aarch64',
  'the bundled action on arm64 Node.js, with the aarch64 init and stand-in, under emulation',
  () => {
    it("runs dist/'s aarch64 init, which it picked itself, in an aarch64 guest, and passes", async () => {
      // The init is the guest's PID 1; its own root is the run directory's root/, where the
      // action copied the init it chose.
      const result = await run({ inputs: { commands: 'uname -m\ncp /proc/1/root/krun-init chosen-init' } })
      expect(errorLines(result)).toEqual([])
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(result.stdout).toContain('aarch64\n')
      expect(result.outputs).toEqual({ 'exit-code': '0', 'timed-out': 'false' })
      expect(fs.readFileSync(path.join(result.scratch.workspace, 'chosen-init')).equals(fs.readFileSync(INIT))).toBe(
        true
      )
      expect(result.record).toMatch(/^krun_set_exec\(\d+, "\/krun-init", argv=0, envp=0\) -> 0$/m)
      expect(result.record).toMatch(/^krun_start_enter\(\d+\) -> exit 0$/m)
    })

    it.each([7, 255])('fails with "commands exited with code %p"', async (code) => {
      const result = await run({ inputs: { commands: `exit ${code}` } })
      expect(errorLines(result)).toEqual([`commands exited with code ${code}`])
      expect(result.code).toBe(1)
      expect(result.outputs['exit-code']).toBe(String(code))
    })

    it('reports a signal by name and as 128+N', async () => {
      const result = await run({ inputs: { commands: 'kill -TERM $$' } })
      expect(errorLines(result)).toEqual(['commands were killed by SIGTERM (exit code 143)'])
      expect(result.outputs['exit-code']).toBe('143')
    })

    it('keeps stdout and stderr apart and complete', async () => {
      const result = await run({
        // Unfenced: a fenced run sends the guest's stderr with its stdout (output-fence.ts).
        inputs: {
          commands: 'for i in $(seq 1000); do echo "out $i"; echo "err $i" >&2; done',
          'guest-workflow-commands': 'true'
        }
      })
      const lines = (prefix: string) => Array.from({ length: 1000 }, (_, i) => `${prefix} ${i + 1}\n`).join('')
      expect(errorLines(result)).toEqual([])
      expect(result.stdout).toBe(lines('out'))
      expect(result.stderr).toBe(lines('err'))
    })

    it('passes env values intact: spaces, quotes, =, newlines and 100 KB', async () => {
      const values = {
        SPACES: ' a  b ',
        QUOTES: `"double" 'single' \`back\``,
        EQUALS: 'a=b==c',
        MULTI: 'line 1\nline 2\n\nline 4',
        BIG: crypto.randomBytes(75_000).toString('base64')
      }
      const env = [
        `SPACES=${values.SPACES}`,
        `QUOTES=${values.QUOTES}`,
        `EQUALS=${values.EQUALS}`,
        'MULTI<<END_OF_VALUE',
        values.MULTI,
        'END_OF_VALUE',
        `BIG=${values.BIG}`
      ].join('\n')
      const commands = Object.keys(values)
        .map((name) => `printf '%s' "$${name}" > ${name}.value`)
        .join('\n')
      const result = await run({ inputs: { commands, env } })
      expect(errorLines(result)).toEqual([])
      expect(result.code).toBe(0)
      for (const [name, value] of Object.entries(values)) {
        expect(fs.readFileSync(path.join(result.scratch.workspace, `${name}.value`), 'utf8')).toBe(value)
      }
    })

    it('shares the workspace read-write and starts there; writes to /etc stay in the guest', async () => {
      const marker = `krun-e2e-${crypto.randomUUID()}`
      const result = await run({
        inputs: {
          commands: `pwd > where.txt\necho built > artifact.txt\necho x > /etc/${marker}\ntest -f /etc/${marker}`
        }
      })
      expect(errorLines(result)).toEqual([])
      expect(result.code).toBe(0)
      const { workspace } = result.scratch
      expect(fs.readFileSync(path.join(workspace, 'artifact.txt'), 'utf8')).toBe('built\n')
      expect(fs.readFileSync(path.join(workspace, 'where.txt'), 'utf8')).toBe(`${workspace}\n`)
      expect(fs.existsSync(path.join(ROOTFS, 'etc', marker))).toBe(false)
    })

    it("sets the guest's GITHUB_OUTPUT entries as the step's outputs", async () => {
      const result = await run({
        inputs: {
          commands:
            'echo "greeting=hello" >> "$GITHUB_OUTPUT"\nprintf \'notes<<EOF\\nline one\\nline two\\nEOF\\n\' >> "$GITHUB_OUTPUT"'
        }
      })
      expect(errorLines(result)).toEqual([])
      expect(result.code).toBe(0)
      expect(result.outputs).toEqual({
        greeting: 'hello',
        notes: 'line one\nline two',
        'exit-code': '0',
        'timed-out': 'false'
      })
    })

    it('stops the guest after the timeout with exit code 124, leaving no process behind', async () => {
      // The timeout counts from the VM process's go-ahead, and under emulation the VM
      // process can take seconds more to reach the guest's commands: while a run times out
      // before the guest started them, a longer timeout is tried.
      const marker = `1000.${crypto.randomInt(1e9)}`
      const started = (each: ActionResult) => fs.existsSync(path.join(each.scratch.workspace, 'started'))
      let result: ActionResult | undefined
      let seconds = 0
      for (seconds of [2, 8, 30]) {
        result = await run({ inputs: { commands: `touch started\nsleep ${marker}`, timeout: String(seconds) } })
        if (started(result) || result.outputs['timed-out'] !== 'true') break
      }
      const stopped = result as ActionResult
      expect(errorLines(stopped)).toEqual([`timed out after ${seconds}s`])
      expect(stopped.outputs).toEqual({ 'exit-code': '124', 'timed-out': 'true' })
      expect(started(stopped)).toBe(true)
      expect(processesWith(marker)).toEqual([])
      expect(processesWith(stopped.scratch.temp)).toEqual([])
    })
  }
)
