/**
 * Text someone else chose (an input value, a registry's answer, a name the guest gave a file),
 * made safe to echo in a message or a log line: every character that is not plainly visible
 * is written as an escape, so what is shown is what is there. Control characters could end or
 * rewrite the line; bidi controls (U+202E reverses what follows), zero-width and other
 * format or ignorable characters could hide or reorder text; spaces other than U+0020 pass
 * for one.
 */

const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|(?! )\p{Zs}/u
const NAMED: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' }

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0')
}

function escapeCharacter(character: string): string {
  const named = NAMED[character]
  if (named !== undefined) return named
  const code = character.codePointAt(0) as number
  if (code < 0x100) return `\\x${hex(code, 2)}`
  return code < 0x10000 ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 1)}}`
}

/** How one character is shown; `keepLines` keeps newlines and tabs (a block of lines, not one line). */
function shownCharacter(character: string, keepLines: boolean): string {
  if (keepLines && (character === '\n' || character === '\t')) return character
  return HIDDEN.test(character) ? escapeCharacter(character) : character
}

/** The text with every hidden character escaped (`\n`, `\x1b`, `\u202e`, `\u{e0041}`). */
export function visible(text: string, options: { keepLines?: boolean } = {}): string {
  let shown = ''
  // By code point: a lone surrogate is escaped, a pair is one character.
  for (const character of text) shown += shownCharacter(character, options.keepLines ?? false)
  return shown
}

/** As visible, cut to at most `max` characters shown, then `…`; an escape or a character is never split. */
export function visibleExcerpt(text: string, max: number): string {
  let shown = ''
  for (const character of text) {
    const piece = shownCharacter(character, false)
    if (shown.length + piece.length > max) return `${shown}…`
    shown += piece
  }
  return shown
}
