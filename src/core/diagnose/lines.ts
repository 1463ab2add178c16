/** A text's lines, for LF or CRLF line ends, as `split(/\r?\n/)` gives them: splitting at a string is several times faster. */
export function splitLines(text: string): string[] {
  return (text.includes('\r') ? text.replaceAll('\r\n', '\n') : text).split('\n');
}
