/**
 * What must never reach a log line, wherever it hides: in a message, an error's message or stack, a URL, or any field.
 * Values are masked by what they look like (a bcrypt hash, a session token, a signed URL's signature, a link's token,
 * SQL parameters in a failed-query error) and by the name of the field that holds them (password, token, cookie, …).
 */

const TEXT_PATTERNS: [RegExp, string][] = [
  // Drizzle's failed-query errors list every parameter, a new password hash included: never log values.
  [/\nparams: [\s\S]*?(?=\n {4}at |$)/g, "\nparams: [not logged]"],
  [/\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}/g, "[bcrypt hash]"],
  // JWTs and JWEs (Auth.js session tokens) start with a base64url JSON header.
  [/\beyJ[\w-]*\.[\w-]*\.[\w-]*(?:\.[\w-]*\.[\w-]*)?/g, "[token]"],
  [/([?&](?:signature|token|code|x-amz-signature|x-amz-credential|x-amz-security-token)=)[^&\s"'<>]+/gi, "$1[redacted]"],
  [/((?:__Secure-|__Host-)?authjs\.[\w.-]+=)[^;\s"']+/gi, "$1[redacted]"],
  [/(\bBearer\s+)[\w.~+/-]+=*/gi, "$1[redacted]"],
];

const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization|signature|hash|credential|params$/i;

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A copy of `value` with secrets masked; plain data only (errors go through the logger's err serializer first). */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object" || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Error) return value;
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      SECRET_KEY.test(key) && item !== null && item !== undefined && typeof item !== "boolean"
        ? "[redacted]"
        : redactValue(item, depth + 1);
  }
  return out;
}
