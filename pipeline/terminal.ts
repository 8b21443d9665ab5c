// Text that reaches a terminal. Content, file names and user input can carry
// control characters: ESC starts sequences that clear the screen, retitle the
// window or write the clipboard (OSC 52), a newline forges a diagnostic line,
// and bidi overrides reorder what is shown. Every printer that writes text for
// a terminal (the CLI's text and markdown output, the diagnostics report, the
// CLI's messages) passes what it did not write itself through here.
// No imports: the CLI's readers and the build scripts both load it.

/**
 * C0 controls (newline and tab included), DEL, C1 controls, the bidi
 * controls (ALM, LRM, RLM, the embeddings and overrides LRE…RLO and the
 * isolates LRI…PDI) and lone surrogates.
 */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function escapeOne(character: string): string {
  const code = character.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * Make text safe to print on a terminal: every control character is replaced
 * by a visible escape, `\x1b` for ESC, `\x0a` for a newline, `\u202e` for a
 * right-to-left override, so nothing the text holds can move the cursor, clear
 * the screen, write the clipboard, start a new line or reorder what follows.
 * Everything else (letters in any script, emoji, backslashes) is left as it is.
 *
 * @param text Text from content, a file name or the command line.
 * @returns The same text on one line, with control characters escaped; text
 *   without any comes back unchanged.
 * @example
 *   escapeControl('evil\u001B[2J\nfake.md') // 'evil\\x1b[2J\\x0afake.md'
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, escapeOne)
}
