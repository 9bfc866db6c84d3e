/** The inputs about lasting state, and the prepared layer's key. */
import { inputErrorOf } from '../__fixtures__/inputs.js'
import type { RunSettings } from '../src/engine/inputs/settings.js'
import { parseDiskSize, parsePersist, parsePrepare } from '../src/engine/inputs/persist-inputs.js'
import { preparedKeyParts, preparedLayerKey } from '../src/engine/guest/prepared-layer.js'

describe('persist, persist-size, prepare', () => {
  it('takes step or job, step by default', () => {
    expect(parsePersist('')).toBe('step')
    expect(parsePersist(' Job ')).toBe('job')
    const refused = inputErrorOf(() => parsePersist('forever'))
    expect(refused?.input).toBe('persist')
    expect(refused?.problem).toMatch(/^"forever" is not a persist mode; expected step .* or job/)
  })

  it('takes sizes in binary units, whole 4 KiB blocks, from 64M to 16T', () => {
    expect(parseDiskSize('8G')).toBe(8 * 2 ** 30)
    expect(parseDiskSize('512m')).toBe(512 * 2 ** 20)
    expect(parseDiskSize('1TiB')).toBe(2 ** 40)
    expect(parseDiskSize(String(64 * 2 ** 20 + 100))).toBe(64 * 2 ** 20)
    for (const bad of ['', '63M', '17T', '8 gigs', '-1G', '1.5G']) {
      expect(inputErrorOf(() => parseDiskSize(bad))).toMatchObject({ input: 'persist-size' })
    }
  })

  it('keeps the prepare script byte for byte, and none when blank', () => {
    expect(parsePrepare('  \n')).toBeUndefined()
    expect(parsePrepare('apk add gcc\n')).toEqual(Buffer.from('apk add gcc\n'))
    expect(inputErrorOf(() => parsePrepare('a\0b')).input).toBe('prepare')
  })
})

describe('the prepared layer key', () => {
  const settings = {
    prepare: Buffer.from('apk add gcc\n'),
    shell: ['sh', '-e', '{0}'],
    env: [['A', '1']] as [string, string][],
    imageEnv: [] as [string, string][],
    guestUser: undefined as RunSettings['guestUser']
  }
  const key = (s = settings, digest = 'sha256:aa', arch = 'x86_64') =>
    preparedLayerKey(preparedKeyParts(s, digest, arch))

  it('changes with each thing that made the layer', () => {
    const base = key()
    expect(base).toMatch(/^[0-9a-f]{64}$/)
    expect(key()).toBe(base)
    const changed = [
      key({ ...settings, prepare: Buffer.from('apk add gcc \n') }),
      key({ ...settings, shell: ['bash', '-e', '{0}'] }),
      key({ ...settings, env: [['A', '2']] }),
      key({ ...settings, env: [['B', '1']] }),
      key({ ...settings, imageEnv: [['JAVA_HOME', '/opt/java']] }),
      key({ ...settings, guestUser: { uid: 1000, gid: 1000, groups: [], home: '/home/app' } }),
      key(settings, 'sha256:ab'),
      key(settings, 'sha256:aa', 'aarch64')
    ]
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1)
  })

  it('keeps parts apart: moving bytes from one part to the next makes another key', () => {
    expect(
      preparedLayerKey([
        { name: 'a', value: 'xy' },
        { name: 'b', value: 'z' }
      ])
    ).not.toBe(
      preparedLayerKey([
        { name: 'a', value: 'x' },
        { name: 'b', value: 'yz' }
      ])
    )
  })
})
