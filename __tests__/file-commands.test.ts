import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseFileCommands } from '../__fixtures__/action-runner.js'
import {
  FILE_COMMAND_MAX_BYTES,
  MAX_WARNINGS,
  droppedWarning,
  enabledFileCommands,
  parseEnvFile,
  parseOutputFile,
  parsePathFile,
  prepareFileCommandShare,
  readGuestFileCommands
} from '../src/engine/guest/file-commands.js'
import { FILE_COMMAND_GUEST_DIR } from '../src/engine/guest/guest-protocol.js'
import { applyGuestFileCommands, keyValueBlock } from '../src/engine/guest/host-file-commands.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'krun-file-commands-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('parseOutputFile', () => {
  it('reads name=value lines and name<<DELIMITER blocks as the runner does', () => {
    const text = 'a=1\r\nb=x=y <<z\n\nlong<<EOF\nline 1\n\nline=3\nEOF\nempty<<E\nE\nc=\n'
    expect(parseOutputFile(text)).toEqual({
      entries: [
        ['a', '1'],
        ['b', 'x=y <<z'],
        ['long', 'line 1\n\nline=3'],
        ['empty', ''],
        ['c', '']
      ],
      warnings: []
    })
  })

  it('keeps a forged host delimiter inside the value it appears in', () => {
    const forged = 'x<<A\nv\nghadelimiter_1234\ninjected=1\nA\n'
    expect(parseOutputFile(forged).entries).toEqual([['x', 'v\nghadelimiter_1234\ninjected=1']])
  })

  it('skips malformed lines and bad names with one warning each, never echoing them', () => {
    const result = parseOutputFile('junk line\n9lives=1\nsecret value here<<D\nhidden=1\nD\nok=1\n=v\nn<<\n')
    expect(result.entries).toEqual([['ok', '1']])
    expect(result.warnings).toEqual([
      "the guest's GITHUB_OUTPUT, line 1: neither name=value nor name<<DELIMITER; skipped",
      "the guest's GITHUB_OUTPUT, line 2: not a valid output name (letters, digits, _ and -, not starting with a digit or -); skipped",
      "the guest's GITHUB_OUTPUT, line 3: not a valid output name (letters, digits, _ and -, not starting with a digit or -); skipped",
      "the guest's GITHUB_OUTPUT, line 7: not a valid output name (letters, digits, _ and -, not starting with a digit or -); skipped",
      "the guest's GITHUB_OUTPUT, line 8: a name<<DELIMITER line with an empty delimiter; skipped"
    ])
    expect(result.warnings.join('\n')).not.toMatch(/junk|secret|hidden/)
  })

  it('stops at a block that is never closed, so its lines never become entries', () => {
    expect(parseOutputFile('a=1\nb<<END\nc=2\nd=3\n')).toEqual({
      entries: [['a', '1']],
      warnings: [
        "the guest's GITHUB_OUTPUT, line 2: a name<<DELIMITER block that is never closed; skipped it and the rest of the file"
      ]
    })
  })

  it('refuses NUL bytes in values', () => {
    expect(parseOutputFile('a=x\0y\n').warnings).toEqual([
      "the guest's GITHUB_OUTPUT, line 1: the value of a holds a NUL byte; skipped"
    ])
  })
})

describe('parseEnvFile and parsePathFile', () => {
  it('takes variable names only, and refuses NODE_OPTIONS as the runner does', () => {
    const result = parseEnvFile('GOOD=1\nwith-dash=2\nNODE_OPTIONS=--require x\n')
    expect(result.entries).toEqual([['GOOD', '1']])
    expect(result.warnings).toEqual([
      "the guest's GITHUB_ENV, line 2: not a valid variable name (letters, digits and _, not starting with a digit); skipped",
      "the guest's GITHUB_ENV, line 3: NODE_OPTIONS cannot be set for later steps; skipped"
    ])
  })

  it('takes absolute directories, one per line, without ":"', () => {
    const result = parsePathFile('/opt/bin\r\n\nrel/bin\n/a:/b\n/ok\n')
    expect(result.entries).toEqual(['/opt/bin', '/ok'])
    expect(result.warnings).toHaveLength(2)
  })
})

describe('enabledFileCommands', () => {
  it('gives the guest each file command the host has, GITHUB_ENV and GITHUB_PATH included', () => {
    const env = { GITHUB_OUTPUT: '/o', GITHUB_STEP_SUMMARY: '/s', GITHUB_ENV: '/e', GITHUB_PATH: '/p' }
    expect(enabledFileCommands(env)).toEqual(['output', 'summary', 'env', 'path'])
    expect(enabledFileCommands({ GITHUB_ENV: '/e', GITHUB_OUTPUT: '' })).toEqual(['env'])
    expect(enabledFileCommands({})).toEqual([])
  })
})

describe('droppedWarning', () => {
  it('is one line naming what was dropped and the setting that passes it on, or nothing', () => {
    expect(droppedWarning([], 'export-env: true')).toBeUndefined()
    expect(droppedWarning(['env'], 'export-env: true')).toBe(
      'the guest wrote to GITHUB_ENV; it was dropped: set export-env: true to pass it to later steps'
    )
    expect(droppedWarning(['env', 'path'], '--export-env true')).toBe(
      'the guest wrote to GITHUB_ENV and GITHUB_PATH; they were dropped: set --export-env true to pass them to later steps'
    )
  })
})

describe('the share, read back', () => {
  it('is a 0700 directory of empty files, named in the guest environment', () => {
    const share = prepareFileCommandShare(dir, ['output', 'summary'])
    expect(fs.statSync(share.hostDir).mode & 0o777).toBe(0o700)
    expect(fs.readdirSync(share.hostDir).sort()).toEqual(['output', 'summary'])
    expect(share.env).toEqual({
      GITHUB_OUTPUT: `${FILE_COMMAND_GUEST_DIR}/output`,
      GITHUB_STEP_SUMMARY: `${FILE_COMMAND_GUEST_DIR}/summary`
    })
  })

  it('reads what the guest wrote, and ignores links, oversized files and non-UTF-8 with a warning', () => {
    const share = prepareFileCommandShare(dir, ['output', 'summary', 'env', 'path'])
    fs.writeFileSync(path.join(share.hostDir, 'output'), 'a=1\n')
    fs.writeFileSync(path.join(share.hostDir, 'summary'), 'x'.repeat(FILE_COMMAND_MAX_BYTES + 1))
    fs.rmSync(path.join(share.hostDir, 'env'))
    fs.symlinkSync('/etc/passwd', path.join(share.hostDir, 'env'))
    fs.writeFileSync(path.join(share.hostDir, 'path'), Buffer.from([0x2f, 0xff, 0x0a]))
    expect(readGuestFileCommands(dir, ['output', 'summary', 'env', 'path'], true)).toEqual({
      outputs: [['a', '1']],
      summary: '',
      env: [],
      path: [],
      warnings: [
        "the guest's GITHUB_STEP_SUMMARY was not a regular file of at most 1 MiB; ignored",
        "the guest's GITHUB_ENV was not a regular file of at most 1 MiB; ignored",
        "the guest's GITHUB_PATH is not UTF-8 text; ignored"
      ],
      dropped: []
    })
  })

  it('without export-env reads nothing of GITHUB_ENV and GITHUB_PATH, and says which the guest wrote to', () => {
    const share = prepareFileCommandShare(dir, ['output', 'env', 'path'])
    fs.writeFileSync(path.join(share.hostDir, 'output'), 'a=1\n')
    fs.writeFileSync(path.join(share.hostDir, 'env'), 'E=1\n')
    expect(readGuestFileCommands(dir, ['output', 'env', 'path'], false)).toEqual({
      outputs: [['a', '1']],
      summary: '',
      env: [],
      path: [],
      warnings: [],
      dropped: ['env']
    })
    // Anything but the empty file it was given counts as written: a link is never followed.
    fs.writeFileSync(path.join(share.hostDir, 'env'), '')
    fs.rmSync(path.join(share.hostDir, 'path'))
    fs.symlinkSync('/etc/passwd', path.join(share.hostDir, 'path'))
    expect(readGuestFileCommands(dir, ['env', 'path'], false).dropped).toEqual(['path'])
    fs.rmSync(path.join(share.hostDir, 'path'))
    expect(readGuestFileCommands(dir, ['env', 'path'], false).dropped).toEqual([])
  })

  it('refuses a share directory the guest replaced with a link', () => {
    const share = prepareFileCommandShare(dir, ['output'])
    const elsewhere = path.join(dir, 'elsewhere')
    fs.mkdirSync(elsewhere)
    fs.writeFileSync(path.join(elsewhere, 'output'), 'a=1\n')
    fs.rmSync(share.hostDir, { recursive: true })
    fs.symlinkSync(elsewhere, share.hostDir)
    const result = readGuestFileCommands(dir, ['output'], false)
    expect(result.outputs).toEqual([])
    expect(result.warnings).toEqual(["the guest's GITHUB_OUTPUT was not a regular file of at most 1 MiB; ignored"])
  })

  it('lists at most MAX_WARNINGS warnings and counts the rest', () => {
    const share = prepareFileCommandShare(dir, ['output'])
    fs.writeFileSync(path.join(share.hostDir, 'output'), 'junk\n'.repeat(1000))
    const { warnings } = readGuestFileCommands(dir, ['output'], false)
    expect(warnings).toHaveLength(MAX_WARNINGS + 1)
    expect(warnings.at(-1)).toBe(`${1000 - MAX_WARNINGS} more problems in the guest's file commands were skipped`)
  })
})

describe('applyGuestFileCommands', () => {
  const hostFiles = () => {
    const files = {
      GITHUB_OUTPUT: path.join(dir, 'out'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'sum'),
      GITHUB_ENV: path.join(dir, 'env'),
      GITHUB_PATH: path.join(dir, 'path')
    }
    for (const file of Object.values(files)) fs.writeFileSync(file, 'earlier\n')
    return files
  }
  const read = (file: string) => fs.readFileSync(file, 'utf8').replace(/^earlier\n/, '')

  it('appends each value in a block with a fresh delimiter, so no value can end it early', () => {
    const files = hostFiles()
    const warnings = applyGuestFileCommands(
      {
        outputs: [
          ['x', 'v\nghadelimiter_1234\ninjected=1'],
          ['exit-code', '0']
        ],
        summary: 'no newline at the end',
        env: [['E', 'multi\nline']],
        path: ['/opt/bin'],
        warnings: [],
        dropped: []
      },
      files,
      ['exit-code']
    )
    expect(warnings).toEqual(["the guest's GITHUB_OUTPUT sets exit-code, which is this step's own output; skipped"])
    expect(parseFileCommands(read(files.GITHUB_OUTPUT))).toEqual({ x: 'v\nghadelimiter_1234\ninjected=1' })
    expect(read(files.GITHUB_OUTPUT)).toMatch(/^x<<(ghadelimiter_[0-9a-f-]{36})\nv\n[^]*\n\1\n$/)
    expect(parseFileCommands(read(files.GITHUB_ENV))).toEqual({ E: 'multi\nline' })
    expect(read(files.GITHUB_STEP_SUMMARY)).toBe('no newline at the end\n')
    expect(read(files.GITHUB_PATH)).toBe('/opt/bin\n')
  })

  it('writes nothing where the host has no file', () => {
    expect(
      applyGuestFileCommands(
        { outputs: [['a', '1']], summary: 's', env: [], path: ['/x'], warnings: [], dropped: [] },
        {}
      )
    ).toEqual([])
  })

  it('keyValueBlock picks a new delimiter each time', () => {
    const first = keyValueBlock('a', '1')?.split('\n')[0]
    const second = keyValueBlock('a', '1')?.split('\n')[0]
    expect(first).toMatch(/^a<<ghadelimiter_/)
    expect(first).not.toBe(second)
  })
})
