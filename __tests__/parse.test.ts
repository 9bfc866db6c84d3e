import { inputErrorOf } from '../__fixtures__/inputs.js'
import {
  formatDuration,
  parseBoolean,
  parseCacheSize,
  parseCommandBytes,
  parseCommands,
  parseCpus,
  parseEnv,
  parseEnvAssignment,
  parseLogLevel,
  parseMemory,
  parseNetwork,
  parsePorts,
  parseShell,
  parseTimeout,
  parseWorkspaceDevices
} from '../src/engine/inputs/parse.js'

describe('cpus', () => {
  it.each(['1', '2', ' 255 '])('accepts %p', (raw) => expect(parseCpus(raw)).toBe(Number(raw.trim())))
  it.each(['0', '256', 'abc', '1.5', '-1', ''])('rejects %p naming the input, the value and the range', (raw) => {
    const error = inputErrorOf(() => parseCpus(raw))
    expect(error.input).toBe('cpus')
    expect(error.problem).toContain(`"${raw}"`)
    expect(error.problem).toContain('from 1 to 255')
  })
})

describe('memory', () => {
  it('accepts 128 up to the host memory', () => {
    expect(parseMemory('128', 4096)).toBe(128)
    expect(parseMemory('4096', 4096)).toBe(4096)
  })
  it.each(['0', '127', 'abc', '12x', '4097', '99999999999999999999'])('rejects %p', (raw) => {
    const error = inputErrorOf(() => parseMemory(raw, 4096))
    expect(error.input).toBe('memory')
    expect(error.problem).toMatch(/expected a whole number of MiB from 128 to 4096/)
  })
})

describe('shell', () => {
  it('maps the named shells to their templates', () => {
    expect(parseShell('')).toEqual(['sh', '-e', '{0}'])
    expect(parseShell('sh')).toEqual(['sh', '-e', '{0}'])
    expect(parseShell('bash')).toEqual(['bash', '--noprofile', '--norc', '-eo', 'pipefail', '{0}'])
  })
  it('splits a template on whitespace', () => {
    expect(parseShell('python3  -u {0}')).toEqual(['python3', '-u', '{0}'])
  })
  it.each(['zsh', 'bash -x'])('rejects %p: unknown shell or template without {0}', (raw) => {
    const error = inputErrorOf(() => parseShell(raw))
    expect(error.input).toBe('shell')
    expect(error.problem).toContain('{0}')
  })
})

describe('commands', () => {
  it('keeps the script verbatim', () => {
    expect(parseCommands('  make\n\tmake test\n')).toEqual(Buffer.from('  make\n\tmake test\n'))
  })
  it('keeps bytes that are not UTF-8 as they are', () => {
    const bytes = Buffer.from([0x23, 0xff, 0xfe, 0x80, 0x0a, 0x74, 0x72, 0x75, 0x65, 0x0a])
    expect(parseCommandBytes(bytes)).toEqual(bytes)
  })
  it.each(['', '   \n\t\n'])('rejects empty or whitespace-only commands %p', (raw) => {
    expect(inputErrorOf(() => parseCommands(raw)).problem).toMatch(/is empty/)
  })
  it('rejects a NUL byte and names its line', () => {
    expect(inputErrorOf(() => parseCommands('echo a\necho b\0\n')).problem).toMatch(/line 2 contains a NUL byte/)
    expect(inputErrorOf(() => parseCommandBytes(Buffer.from([0x0a, 0xff, 0x0a, 0x00]))).problem).toMatch(
      /line 3 contains/
    )
  })
})

describe('timeout', () => {
  it.each([
    ['90', 90],
    ['90s', 90],
    ['10m', 600],
    ['1h', 3600],
    ['', undefined]
  ])('reads %p as %p seconds', (raw, seconds) => expect(parseTimeout(raw)).toBe(seconds))
  it.each(['0', '-5', 'soon', '1.5m', '10d'])('rejects %p', (raw) => {
    const error = inputErrorOf(() => parseTimeout(raw))
    expect(error.input).toBe('timeout')
    expect(error.problem).toContain('90s, 10m, 1h')
  })
  it('writes durations back the way users write them', () => {
    expect([formatDuration(600), formatDuration(90), formatDuration(7200)]).toEqual(['10m', '90s', '2h'])
  })
})

describe('log-level', () => {
  it('accepts the six levels and empty', () => {
    expect(parseLogLevel('DEBUG')).toBe('debug')
    expect(parseLogLevel('')).toBeUndefined()
  })
  it('rejects others', () =>
    expect(inputErrorOf(() => parseLogLevel('loud')).problem).toContain('off, error, warn, info, debug, trace'))
})

describe('env', () => {
  it('keeps =, spaces and quotes in values, skips blanks and comments', () => {
    const text = 'A=1\n\n# comment\nB = x=y  \nC="quoted" \'single\'\n'
    expect(parseEnv(text)).toEqual([
      ['A', '1'],
      ['B', ' x=y  '],
      ['C', '"quoted" \'single\'']
    ])
  })
  it('reads multi-line values in the heredoc form', () => {
    expect(parseEnv('KEY<<EOF\nline 1\nline=2\nEOF\nNEXT=1')).toEqual([
      ['KEY', 'line 1\nline=2'],
      ['NEXT', '1']
    ])
  })
  it('takes << after the first = as part of a value, and = after << as part of a delimiter', () => {
    expect(parseEnv('A=x<<y\nB<<E=F\nline\nE=F')).toEqual([
      ['A', 'x<<y'],
      ['B', 'line']
    ])
  })
  it('rejects a line without "=" without echoing it (it may be a secret)', () => {
    const error = inputErrorOf(() => parseEnv('A=1\nsupersecretvalue'))
    expect(error.problem).toMatch(/line 2 has no "="/)
    expect(error.message).not.toContain('supersecretvalue')
  })
  it('rejects an invalid name by line number, without quoting it', () => {
    expect(inputErrorOf(() => parseEnv('1ABC=x')).problem).toMatch(/^line 1: the name is not a valid variable name/)
    expect(inputErrorOf(() => parseEnv('A=1\nMY-VAR=x')).problem).toMatch(
      /^line 2: the name is not a valid variable name/
    )
  })
  it.each([
    [
      'a multi-line key pasted without <<',
      'A=1\n-----BEGIN KEY-----\nMIIsecretpart0123456789abcdef+/==\n-----END KEY-----'
    ],
    ['a key line with = in it', 'MIIsecretpart0123456789abcdef+/=='],
    ['a heredoc whose name is wrong', 'MIIsecret part0123456789<<EOF\nx\nEOF'],
    ['a heredoc never closed', 'KEY<<secretpart0123456789\nvalue'],
    ['a CLI assignment', '--env']
  ])('never quotes any part of %s', (_what, text) => {
    const error = inputErrorOf(() => (text === '--env' ? parseEnvAssignment('secret part=x', {}) : parseEnv(text)))
    expect(error.input).toBe('env')
    for (const part of ['secret', 'part', '0123', 'MII', 'BEGIN', 'EOF', '==']) {
      expect(error.message).not.toContain(part)
    }
  })
  it('rejects an unclosed heredoc and a NUL byte, never showing the value', () => {
    expect(inputErrorOf(() => parseEnv('K<<END\nsecret')).problem).toMatch(/never closed/)
    const error = inputErrorOf(() => parseEnv('K=sec\0ret'))
    expect(error.problem).toMatch(/value of K contains a NUL byte/)
    expect(error.message).not.toContain('sec')
  })
  it('CLI assignments take a bare name from the host environment', () => {
    expect(parseEnvAssignment('A=b=c', {})).toEqual(['A', 'b=c'])
    expect(parseEnvAssignment('TOKEN', { TOKEN: 'xyz' })).toEqual(['TOKEN', 'xyz'])
    expect(inputErrorOf(() => parseEnvAssignment('TOKEN', {})).problem).toMatch(/not set in this environment/)
  })
})

describe('network', () => {
  it.each([
    ['public', 'public'],
    ['tsi', 'tsi'],
    [' none ', 'none'],
    ['NONE', 'none']
  ])('accepts %p', (raw, mode) => expect(parseNetwork(raw)).toBe(mode))
  it.each(['', 'off', 'host', 'tsi none'])('rejects %p naming the input and the three modes', (raw) => {
    const error = inputErrorOf(() => parseNetwork(raw))
    expect(error.input).toBe('network')
    expect(error.problem).toBe(`"${raw}" is not a network mode; expected public, tsi or none`)
  })
})

describe('ports', () => {
  it('takes HOST:GUEST lines, ignoring blank lines and spaces, in canonical form', () => {
    expect(parsePorts('')).toEqual([])
    expect(parsePorts('8080:80\n\n  2222:22 \r\n1:65535\n08081:0081')).toEqual([
      '8080:80',
      '2222:22',
      '1:65535',
      '8081:81'
    ])
  })

  it.each([
    [1, '8080', 'line 1 ("8080") is not HOST:GUEST'],
    [2, '80:80\n8080:80:1', 'line 2 ("8080:80:1") is not HOST:GUEST'],
    [2, '\n:80', 'line 2 (":80") is not HOST:GUEST'],
    [1, '0:80', 'line 1 ("0:80") has a port out of range'],
    [1, '80:65536', 'line 1 ("80:65536") has a port out of range'],
    [1, '99999999999999999999:1', 'line 1 ("99999999999999999999…") has a port out of range']
  ])('rejects bad case %#, naming its line %p', (_line, raw, start) => {
    const error = inputErrorOf(() => parsePorts(raw))
    expect(error.input).toBe('ports')
    expect(error.problem).toBe(
      `${start}; expected HOST:GUEST, two whole numbers from 1 to 65535 (e.g. 8080:80), one pair per line`
    )
  })

  it('never echoes a line that is not made of digits and colons (it could hold a secret)', () => {
    for (const raw of ['s3cret:80', '80:80 # s3cret', 'localhost:8080:80', '8080 : 80']) {
      const error = inputErrorOf(() => parsePorts(`1:1\n${raw}`))
      expect(error.problem).toMatch(/^line 2 is not HOST:GUEST; /)
      expect(error.problem).not.toContain(raw)
    }
  })

  it('refuses the same host port twice, and the same guest port twice', () => {
    expect(inputErrorOf(() => parsePorts('8080:80\n9090:90\n8080:81'))).toMatchObject({
      input: 'ports',
      problem: 'line 3 ("8080:81") exposes host port 8080 a second time; give each host port once'
    })
    expect(inputErrorOf(() => parsePorts('8080:80\n8081:080'))).toMatchObject({
      input: 'ports',
      problem: 'line 2 ("8081:080") exposes guest port 80 a second time; give each guest port once'
    })
  })
})

describe('booleans (export-env)', () => {
  it.each([
    ['true', true],
    [' TRUE ', true],
    ['false', false],
    ['', false]
  ])('reads %p', (raw, value) => expect(parseBoolean('export-env', raw)).toBe(value))
  it.each(['yes', '1', 'on'])('rejects %p naming the input and the accepted form', (raw) => {
    expect(() => parseBoolean('export-env', raw)).toThrow(
      `export-env: "${raw}" is not a boolean; expected true or false`
    )
  })
})

describe('workspace-devices', () => {
  it.each([
    ['remove', 'remove'],
    [' Keep ', 'keep']
  ])('reads %p', (raw, value) => expect(parseWorkspaceDevices(raw)).toBe(value))
  it.each(['maybe', 'true', 'removed'])('rejects %p naming the input and the accepted values', (raw) => {
    expect(() => parseWorkspaceDevices(raw)).toThrow(
      `workspace-devices: "${raw}" is not a choice; expected remove or keep`
    )
  })
})

describe('cache-size', () => {
  it.each([
    ['10G', 10 * 2 ** 30],
    [' 512m ', 512 * 2 ** 20],
    ['1TiB', 2 ** 40],
    ['268435456', 256 * 2 ** 20]
  ])('reads %p', (raw, bytes) => expect(parseCacheSize(raw)).toBe(bytes))

  it.each(['', '10', '255M', '10 gigabytes', '-1G', '1.5G'])('refuses %p in one line naming cache-size', (raw) => {
    const refused = inputErrorOf(() => parseCacheSize(raw))
    expect(refused.input).toBe('cache-size')
    expect(refused.problem).toMatch(
      /is not a cache size of at least 256M; expected a number with K, M, G or T \(e\.g\. 10G\)$/
    )
  })
})
