import { expect } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseChallenges, resolveCredentials } from '../src/image/auth.js'
import { ImageError, parseImageReference } from '../src/image/index.js'
import { InvalidReferenceError } from '../src/image/errors.js'
import { parseImage } from '../src/engine/guest/image-base.js'
import { InputError } from '../src/engine/errors.js'
import { pickManifest, platformFor } from '../src/image/platform.js'

const HEX = 'a'.repeat(64)

describe('parseImageReference', () => {
  test.each([
    ['alpine', 'docker.io', 'library/alpine', 'latest', undefined, 'docker.io/library/alpine:latest'],
    ['ubuntu:24.04', 'docker.io', 'library/ubuntu', '24.04', undefined, 'docker.io/library/ubuntu:24.04'],
    ['docker.io/alpine', 'docker.io', 'library/alpine', 'latest', undefined, 'docker.io/library/alpine:latest'],
    ['index.docker.io/library/alpine:3', 'docker.io', 'library/alpine', '3', undefined, 'docker.io/library/alpine:3'],
    ['user/app', 'docker.io', 'user/app', 'latest', undefined, 'docker.io/user/app:latest'],
    ['ghcr.io/o/r:tag', 'ghcr.io', 'o/r', 'tag', undefined, 'ghcr.io/o/r:tag'],
    [
      `registry:5000/x@sha256:${HEX}`,
      'registry:5000',
      'x',
      undefined,
      `sha256:${HEX}`,
      `registry:5000/x@sha256:${HEX}`
    ],
    ['localhost:5000/x', 'localhost:5000', 'x', 'latest', undefined, 'localhost:5000/x:latest'],
    ['localhost/a/b__c.d-e', 'localhost', 'a/b__c.d-e', 'latest', undefined, 'localhost/a/b__c.d-e:latest'],
    ['[::1]:5000/x:1', '[::1]:5000', 'x', '1', undefined, '[::1]:5000/x:1'],
    [`a/b:t@sha256:${HEX}`, 'docker.io', 'a/b', 't', `sha256:${HEX}`, `docker.io/a/b:t@sha256:${HEX}`]
  ])('%s', (text, registry, repository, tag, digest, normalized) => {
    const ref = parseImageReference(text)
    expect(ref).toMatchObject({ registry, repository, normalized })
    expect(ref.tag).toBe(tag)
    expect(ref.digest).toBe(digest)
  })

  test('Docker Hub is reached at registry-1.docker.io; loopback registries may be plain HTTP', () => {
    expect(parseImageReference('alpine').endpoint).toBe('registry-1.docker.io')
    expect(parseImageReference('alpine').loopback).toBe(false)
    expect(parseImageReference('localhost:5000/x').loopback).toBe(true)
    expect(parseImageReference('127.1.2.3:5000/x').loopback).toBe(true)
    expect(parseImageReference('[::1]:5000/x').loopback).toBe(true)
    expect(parseImageReference('128.0.0.1:5000/x').loopback).toBe(false)
    expect(parseImageReference('localhost.example.com/x').loopback).toBe(false)
  })

  test.each([
    ['', /empty/],
    ['Alpine', /must be lowercase/],
    ['ghcr.io/Owner/repo', /must be lowercase/],
    ['alpine:', /tag/],
    ['alpine:bad tag', /whitespace/],
    ['alpine@sha256:abc', /digest/],
    [`alpine@sha512:${'a'.repeat(128)}`, /only sha256/],
    ['https://ghcr.io/o/r', /scheme/],
    ['a//b', /repository/],
    ['-a', /repository/],
    [`${'a'.repeat(256)}`, /longer than 255/]
  ])('rejects %j', (text, problem) => {
    let error: unknown
    try {
      parseImageReference(text)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ImageError)
    expect((error as Error).message).toMatch(problem)
    expect((error as Error).message).not.toContain('\n')
    expect(error).toBeInstanceOf(InvalidReferenceError)
    expect(error).toMatchObject({ reference: text, inputMistake: true, problem: expect.stringMatching(problem) })
  })

  test('the image input words a malformed reference from its parts', () => {
    let error: unknown
    try {
      parseImage(' ghcr.io/Owner/repo:1 ')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect(error).toMatchObject({
      input: 'image',
      problem:
        '"ghcr.io/Owner/repo:1" is not a valid reference: repository name must be lowercase; ' +
        'write it like alpine, ubuntu:24.04, ghcr.io/owner/name:tag or name@sha256:<64 hex digits>'
    })
  })
})

describe('WWW-Authenticate challenges', () => {
  test('Bearer with quoted parameters', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"'
      )
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/alpine:pull'
        }
      }
    ])
  })

  test('Basic, and several challenges in one header', () => {
    expect(parseChallenges('Basic realm="Registry Realm"')).toEqual([
      { scheme: 'basic', params: { realm: 'Registry Realm' } }
    ])
    expect(
      parseChallenges('Basic realm="a", Bearer realm="https://x/t",scope="repository:a,b:pull"').map((c) => c.scheme)
    ).toEqual(['basic', 'bearer'])
    expect(parseChallenges('Bearer realm="https://x/t",scope="repository:a,b:pull"')[0].params.scope).toBe(
      'repository:a,b:pull'
    )
    expect(parseChallenges(null)).toEqual([])
  })
})

describe('credentials', () => {
  let home: string
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'image-creds-'))
  })
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }))

  const writeConfig = (dir: string, auths: object): void => {
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths }))
  }

  test('explicit credentials come first', () => {
    writeConfig(path.join(home, '.docker'), { 'ghcr.io': { auth: Buffer.from('u:p').toString('base64') } })
    expect(resolveCredentials('ghcr.io', { username: 'x', password: 'y' }, { HOME: home })).toEqual({
      credentials: { username: 'x', password: 'y' },
      origin: 'as given'
    })
  })

  test('~/.docker/config.json auth (base64) and username/password entries; Docker Hub key', () => {
    writeConfig(path.join(home, '.docker'), {
      'https://index.docker.io/v1/': { auth: Buffer.from('hub:se:cret').toString('base64') },
      'https://ghcr.io': { username: 'gh', password: 'pw' }
    })
    expect(resolveCredentials('docker.io', undefined, { HOME: home }).credentials).toEqual({
      username: 'hub',
      password: 'se:cret'
    })
    expect(resolveCredentials('ghcr.io', undefined, { HOME: home }).credentials).toEqual({
      username: 'gh',
      password: 'pw'
    })
    expect(resolveCredentials('quay.io', undefined, { HOME: home })).toEqual({})
  })

  test('$DOCKER_CONFIG wins over HOME; a broken file means anonymous', () => {
    writeConfig(path.join(home, 'cfg'), { 'localhost:5000': { auth: Buffer.from('a:b').toString('base64') } })
    expect(
      resolveCredentials('localhost:5000', undefined, { HOME: home, DOCKER_CONFIG: path.join(home, 'cfg') }).origin
    ).toBe('from the Docker config file')
    fs.writeFileSync(path.join(home, 'cfg', 'config.json'), '{not json')
    expect(
      resolveCredentials('localhost:5000', undefined, { HOME: home, DOCKER_CONFIG: path.join(home, 'cfg') }).credentials
    ).toBeUndefined()
  })
})

describe('platforms', () => {
  test('process.arch names map to OCI platforms', () => {
    expect(platformFor('x64')).toEqual({ os: 'linux', architecture: 'amd64' })
    expect(platformFor('arm64')).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' })
  })

  test('picks the arm64 entry, preferring variant v8, and lists what an index has', () => {
    const d = (architecture: string, variant?: string, os = 'linux') => ({
      mediaType: 'x',
      digest: `sha256:${architecture}${variant ?? ''}`,
      size: 1,
      platform: { os, architecture, variant }
    })
    const manifests = [d('amd64'), d('arm', 'v7'), d('arm64'), d('arm64', 'v8'), d('unknown', undefined, 'unknown')]
    expect(pickManifest(manifests, platformFor('arm64')).chosen?.digest).toBe('sha256:arm64v8')
    expect(pickManifest(manifests, platformFor('x64')).chosen?.digest).toBe('sha256:amd64')
    const none = pickManifest([d('amd64'), d('arm', 'v7'), d('unknown', undefined, 'unknown')], platformFor('arm64'))
    expect(none.chosen).toBeUndefined()
    expect(none.available).toEqual(['linux/amd64', 'linux/arm/v7'])
  })
})
