import { HostError } from '../src/engine/errors.js'
import { parseLdconfig, searchLibkrun, usualLibraryDirs } from '../src/engine/host/host-checks.js'
import { resolveLibkrun } from '../src/engine/host/libkrun-choice.js'

describe('finding libkrun', () => {
  const lookup = (present: string[], cached?: string, loaderPath: string[] = []) => ({
    loaderPath,
    ldconfig: () => Promise.resolve(cached),
    exists: (p: string) => present.includes(p),
    dirs: ['/usr/lib64', '/usr/local/lib']
  })
  const resolve = (libkrun: string | undefined, present: string[], log: string[] = []) =>
    resolveLibkrun(
      { libkrun },
      { cacheDir: '/nonexistent/cache', log: (line) => log.push(line), lookup: lookup(present), builds: [] }
    )

  it('takes the path the user gave first', async () => {
    await expect(resolve('/opt/libkrun.so.1', ['/usr/lib64/libkrun.so.1'])).resolves.toBe('/opt/libkrun.so.1')
  })
  it('then the ldconfig cache, then the usual directories', async () => {
    await expect(
      searchLibkrun(lookup(['/c/libkrun.so.1', '/usr/local/lib/libkrun.so.1'], '/c/libkrun.so.1'))
    ).resolves.toBe('/c/libkrun.so.1')
    await expect(searchLibkrun(lookup(['/usr/local/lib/libkrun.so.1']))).resolves.toBe('/usr/local/lib/libkrun.so.1')
    await expect(resolve(undefined, ['/usr/local/lib/libkrun.so.1'])).resolves.toBe('/usr/local/lib/libkrun.so.1')
  })
  it('looks on LD_LIBRARY_PATH before the cache, as the loader does for the soname', async () => {
    const present = ['/opt/krun/libkrun.so.1', '/c/libkrun.so.1']
    await expect(searchLibkrun(lookup(present, '/c/libkrun.so.1', ['/opt/krun']))).resolves.toBe(
      '/opt/krun/libkrun.so.1'
    )
  })

  it('without one and without a build of its own, says in one line where it looked, what to install or which URL to give', async () => {
    const log: string[] = []
    const failure = await resolve(undefined, [], log).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(HostError)
    const message = (failure as Error).message
    expect(message).toMatch(
      /^libkrun was not found \(looked in .*\/usr\/lib64, \/usr\/local\/lib\)\. Install libkrun 1\.12 or newer/
    )
    expect(message).toContain('as input libkrun (krun-run --libkrun): https://HOST/PATH.tar.gz#sha256=<64 hex digits>')
    expect(message).not.toContain('\n')
    expect(log).toEqual([])
  })
  it('knows the usual directories per architecture', () => {
    expect(usualLibraryDirs('arm64')).toContain('/usr/lib/aarch64-linux-gnu')
  })
})

describe('parseLdconfig', () => {
  it('finds libkrun.so.1 in `ldconfig -p` output', () => {
    const output =
      "3 libs found in cache `/etc/ld.so.cache'\n\tlibkrunfw.so.5 (libc6,x86-64) => /usr/lib64/libkrunfw.so.5\n\tlibkrun.so.1 (libc6,x86-64) => /usr/lib64/libkrun.so.1\n"
    expect(parseLdconfig(output)).toBe('/usr/lib64/libkrun.so.1')
    expect(parseLdconfig('\tlibc.so.6 (libc6,x86-64) => /lib/libc.so.6\n')).toBeUndefined()
  })
})
