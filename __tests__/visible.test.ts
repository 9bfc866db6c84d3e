/** The one escaper of text someone else chose, and the messages that echo such text through it. */
import { InputError, failureMessage, showValue } from '../src/engine/errors.js'
import { sanitizeInitError } from '../src/engine/guest/guest-records.js'
import { ImageError, excerpt } from '../src/image/errors.js'
import { parseManifest } from '../src/image/manifest.js'
import { visible, visibleExcerpt } from '../src/text/visible.js'

describe('visible', () => {
  it.each([
    ['bidi controls', 'a\u202eb\u2066c\u200fd\u061c', 'a\\u202eb\\u2066c\\u200fd\\u061c'],
    [
      'zero-width and format characters',
      'a\u200bb\u200dc\ufeffd\u00ade\u2060',
      'a\\u200bb\\u200dc\\ufeffd\\xade\\u2060'
    ],
    ['control characters', 'a\nb\tc\rd\x1be\x7ff\x85', 'a\\nb\\tc\\rd\\x1be\\x7ff\\x85'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['spaces that pass for a space', 'a\u00a0b\u3000c d', 'a\\xa0b\\u3000c d'],
    ['tags and lone surrogates', 'a\u{e0041}b\ud800c', 'a\\u{e0041}b\\ud800c'],
    ['other ignorable characters', 'a\u3164b\ufe0fc', 'a\\u3164b\\ufe0fc']
  ])('escapes %s', (_what, text, shown) => {
    expect(visible(text)).toBe(shown)
  })

  it('leaves visible text as it is, whatever its script', () => {
    const text = 'ünïcödé, 日本語, עברית, emoji 🙂, back\\slash'
    expect(visible(text)).toBe(text)
  })

  it('keeps newlines and tabs in a block of lines when asked, and still escapes the rest', () => {
    expect(visible('a\n\tb\u202ec\r\n', { keepLines: true })).toBe('a\n\tb\\u202ec\\r\n')
  })

  it('cuts long text without splitting an escape or a character', () => {
    expect(visibleExcerpt('abc\u202edef', 5)).toBe('abc…')
    expect(visibleExcerpt('ab🙂🙂', 3)).toBe('ab…')
    expect(visibleExcerpt('abcd', 4)).toBe('abcd')
  })
})

describe('every message that echoes such text goes through it', () => {
  const RLO = '\u202e'

  it('shows input values escaped', () => {
    expect(showValue(`2${RLO}1`)).toBe('"2\\u202e1"')
    expect(showValue('x'.repeat(100), 10)).toBe(`"${'x'.repeat(10)}…"`)
  })

  it('escapes the whole failure line, which may name paths and unexpected errors', () => {
    const nameInput = (input: string) => `Input "${input}"`
    expect(failureMessage(new InputError('rootfs', `/tmp/${RLO}x is bad`), nameInput)).toBe(
      'Input "rootfs": /tmp/\\u202ex is bad'
    )
    expect(failureMessage(new Error(`boom${RLO}\nsecond`), nameInput)).toBe('failed unexpectedly: boom\\u202e\\nsecond')
  })

  it("escapes a registry's words in image errors", () => {
    expect(excerpt(`a${RLO}b\x1bc\nd`)).toBe('a\\u202eb\\x1bc d')
    expect(new ImageError(`registry r, repository x: "${RLO}"`).message).toBe('registry r, repository x: "\\u202e"')
    const manifest = Buffer.from(JSON.stringify({ mediaType: `evil${RLO}type` }))
    expect(() => parseManifest(manifest, '', 'registry r, repository x')).toThrow(
      'registry r, repository x: unsupported manifest media type "evil\\u202etype"'
    )
  })

  it("escapes the guest init's error line", () => {
    expect(sanitizeInitError(Buffer.from(`krun-init: ${RLO}mount\x1b[31m failed\nsecond`))).toBe(
      'krun-init: \\u202emount\\x1b[31m failed'
    )
  })
})
