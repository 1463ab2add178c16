/** The hostile pastes the diagnosis must survive quickly: each about 5 MB, built fresh on every run. */
import { randomBytes } from 'node:crypto';

const SIZE = 5 * 1024 * 1024;

/** `unit` repeated until the text reaches SIZE. */
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

/** Multipart parts inside each other until the text reaches SIZE, a bounce line at the bottom. */
function nestedMime(): string {
  const opening: string[] = ['From: MAILER-DAEMON@example.com', 'Subject: Undelivered Mail Returned to Sender', 'MIME-Version: 1.0'];
  const closing: string[] = [];
  let length = 0;
  for (let depth = 0; length < SIZE; depth++) {
    const part = `Content-Type: multipart/mixed; boundary="b${depth}"\n\n--b${depth}`;
    opening.push(part);
    closing.unshift(`--b${depth}--`);
    length += part.length * 2;
  }
  return [...opening, 'Content-Type: text/plain', '', '550 5.1.1 <someone@example.com>: Recipient address rejected', ...closing].join('\n');
}

export function adversarialInputs(): { name: string; text: string }[] {
  return [
    { name: 'random binary', text: randomBytes(SIZE).toString('latin1') },
    { name: 'one long line', text: fill('Delivery to the following recipient failed permanently 550 5.7.1 ') },
    { name: 'repeated bounce lines', text: fill('550 5.1.1 <user@example.com>: Recipient address rejected: User unknown in local recipient table\n') },
    { name: 'deeply nested MIME', text: nestedMime() },
  ];
}
