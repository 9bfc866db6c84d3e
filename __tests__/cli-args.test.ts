import { InputError } from '../src/engine/errors.js'
import { USAGE, flagFor, parseArgs } from '../src/cli/args.js'
import { defaultInputs } from '../src/engine/inputs/raw-inputs.js'

describe('krun-run arguments', () => {
  it('maps flags and aliases onto the action inputs', () => {
    const args = parseArgs(
      ['--cpus', '4', '--mem=512', '--root', '/srv/rootfs', '--workspace', 'none', '-v', '--timeout', '10m'],
      {}
    )
    expect(args.raw).toMatchObject({
      cpus: '4',
      memory: '512',
      rootfs: '/srv/rootfs',
      workspace: 'none',
      'log-level': 'debug',
      timeout: '10m'
    })
    expect(args.source).toEqual({ kind: 'stdin' })
  })

  it('takes commands from -c, a file, or stdin', () => {
    expect(parseArgs(['-c', 'make'], {})).toMatchObject({ source: { kind: 'inline' }, raw: { commands: 'make' } })
    expect(parseArgs(['build.sh'], {}).source).toEqual({ kind: 'file', path: 'build.sh' })
    expect(parseArgs(['-'], {}).source).toEqual({ kind: 'stdin' })
  })

  it('collects repeated --env, a bare name taking the host value', () => {
    expect(parseArgs(['--env', 'A=1', '--env=B=x y', '--env', 'TOKEN'], { TOKEN: 's3cret' }).env).toEqual([
      ['A', '1'],
      ['B', 'x y'],
      ['TOKEN', 's3cret']
    ])
  })

  it('takes --network, and collects repeated --port into one HOST:GUEST per line', () => {
    const args = parseArgs(['--network', 'none', '--port', '8080:80', '--port=2222:22'], {})
    expect(args.raw).toMatchObject({ network: 'none', ports: '8080:80\n2222:22' })
    expect(parseArgs([], {}).raw).toMatchObject({ network: 'public', ports: '', allow: '' })
  })

  it('collects repeated --allow into one destination per line, the first replacing the saved list', () => {
    const saved = { ...defaultInputs(), allow: '10.0.0.0/8' }
    const args = parseArgs(['--allow', '127.0.0.1:5432', '--allow=db.internal'], {}, saved)
    expect(args.raw.allow).toBe('127.0.0.1:5432\ndb.internal')
    expect(parseArgs([], {}, saved).raw.allow).toBe('10.0.0.0/8')
  })

  it.each([
    [['--bogus'], '--bogus', 'is not an option of krun-run; see --help'],
    [['--cpus'], 'cpus', '--cpus needs a value; see --help'],
    [['-c', 'x', 'file'], 'FILE', 'give commands either with -c or in a file, not both']
  ])('rejects %p', (argv, input, problem) => {
    expect(() => parseArgs(argv, {})).toThrow(new InputError(input, problem))
  })

  it('names inputs as flags in messages', () => {
    expect([
      flagFor('cpus'),
      flagFor('commands'),
      flagFor('log-level'),
      flagFor('network'),
      flagFor('ports'),
      flagFor('--bogus'),
      flagFor('KRUN_LIBRARY')
    ]).toEqual(['--cpus', '-c', '--log-level', '--network', '--port', '--bogus', 'KRUN_LIBRARY'])
  })

  it('reads registry-password from KRUN_REGISTRY_PASSWORD, and names it so in messages', () => {
    expect(flagFor('registry-password')).toBe('KRUN_REGISTRY_PASSWORD')
    expect(flagFor('registry-username')).toBe('--registry-username')
    expect(parseArgs([], { KRUN_REGISTRY_PASSWORD: 'pw' }).raw['registry-password']).toBe('pw')
    expect(parseArgs([], {}).raw['registry-password']).toBe('')
    expect(() => parseArgs(['--registry-password', 'pw'], {})).toThrow(
      new InputError('--registry-password', 'is not an option of krun-run; see --help')
    )
  })
})

describe('defaults from saved settings', () => {
  it('start from the given defaults, which flags override', () => {
    const base = { ...defaultInputs(), cpus: '4', memory: '1024' }
    const args = parseArgs(['--cpus', '1', 'step.sh'], {}, base)
    expect(args.raw).toMatchObject({ cpus: '1', memory: '1024' })
    expect(base.cpus).toBe('4')
  })

  it('let the first --port replace the saved ports, and later ones add to it', () => {
    const base = { ...defaultInputs(), ports: '8080:80\n2222:22' }
    expect(parseArgs(['step.sh'], {}, base).raw.ports).toBe('8080:80\n2222:22')
    expect(parseArgs(['--port', '8080:8000', 'step.sh'], {}, base).raw.ports).toBe('8080:8000')
    expect(parseArgs(['--port=8080:8000', '--port', '9090:90'], {}, base).raw.ports).toBe('8080:8000\n9090:90')
    expect(base.ports).toBe('8080:80\n2222:22')
  })
})

describe('--help', () => {
  it('names one default per flag', () => {
    const doubled = USAGE.split('\n').filter((line) => line.split('(default:').length > 2)
    expect(doubled).toEqual([])
    expect(USAGE).toMatch(
      /--workdir PATH +guest working directory \(default: the workspace, or \/ with no workspace\)\n/
    )
  })
})
