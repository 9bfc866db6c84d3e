import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const dist = path.resolve(import.meta.dirname, '..', 'dist')

describe('the bundles leave out the HTTP client', () => {
  it.each(['index.js', 'post/index.js'])('%s bundles neither @actions/http-client nor undici', (bundle) => {
    const code = fs.readFileSync(path.join(dist, bundle), 'utf8')
    expect(code).toContain('no-http-client.js')
    expect(code).not.toMatch(/undici|class HttpClient\b/)
  })

  it('its stand-in fails loudly when @actions/core would make a request', () => {
    const standIn = path.join(dist, 'no-http-client.js')
    const result = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import { HttpClient } from ${JSON.stringify(standIn)}; new HttpClient()`],
      { encoding: 'utf8' }
    )
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('krun-action makes no HTTP requests: @actions/http-client is not bundled')
  })
})
