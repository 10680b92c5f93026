/**
 * Where to send a user back to after signing in, from a value anyone can put in a link (`?callbackUrl=`). It is resolved
 * with the URL parser against the app's own address, as a browser would resolve it, and kept only when it stays on that
 * origin: tabs and newlines (which the parser drops, joining `/\t/evil.test` into `//evil.test`), backslashes, `//`,
 * dot segments and other schemes all end on another origin or are refused here. What comes out is the parser's own
 * serialisation, so it holds no control characters and no non-ASCII text that could break a Location header.
 */
export function toReturnPath(value: unknown, appUrl: string): string | null {
  if (typeof value !== "string" || value === "" || value.length > 2048) return null;
  const app = new URL(appUrl);
  let target: URL;
  try {
    target = new URL(value, app);
  } catch {
    return null;
  }
  if (target.origin !== app.origin) return null;
  const path = target.pathname + target.search + target.hash;
  // "/.//evil.test" resolves to the path "//evil.test" on our origin, which a browser would read as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return null;
  return path;
}
