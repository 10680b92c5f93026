/**
 * Secrets that must never appear in the server's log: what tests/run-with-server.ts scans the whole output of an API or
 * browser run for. The passwords are the ones the test helpers make (strongPassword(), the e2e passphrases, the demo's).
 */
export const SECRET_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: "bcrypt hash", pattern: /\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}/ },
  { name: "session token (JWT/JWE)", pattern: /\beyJ[\w-]{10,}\.[\w-]*\.[\w-]{10,}/ },
  { name: "signed URL signature", pattern: /[?&](signature|X-Amz-Signature)=(?!\[redacted\])[^&\s"]+/i },
  { name: "mailed link token", pattern: /[?&]token=(?!\[redacted\])[A-Za-z0-9_-]{20,}/ },
  { name: "invitation link token", pattern: /\/invite\/(?!\[redacted\])[A-Za-z0-9_-]{20,}/ },
  { name: "test password", pattern: /tide-[0-9a-f]{12}-lantern|a long enough passphrase|a long and unusual passphrase|budhhub-demo\b/ },
];

export function findSecrets(output: string): { name: string; line: string }[] {
  const found: { name: string; line: string }[] = [];
  for (const line of output.split("\n")) {
    for (const { name, pattern } of SECRET_PATTERNS) if (pattern.test(line)) found.push({ name, line: line.slice(0, 400) });
  }
  return found;
}
