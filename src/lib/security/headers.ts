/**
 * Security headers. The page CSP carries a fresh nonce per request (set by src/proxy.ts), or, on a page served from the
 * public page cache (src/lib/http/public-page-cache.ts), the hashes of the inline scripts Next wrote into it; the static
 * headers are set by next.config.ts on every response, including files Next serves itself.
 */

export type CspOptions = { development: boolean; extraOrigins: string[] } & ({ nonce: string } | { scriptHashes: string[] });

export function contentSecurityPolicy(options: CspOptions): string {
  const { development, extraOrigins } = options;
  const extra = extraOrigins.join(" ");
  // A nonce with 'strict-dynamic': the scripts Next writes carry it and load the rest. Hashes: a cached page has no
  // nonce; its inline scripts are allowed one by one, its script files (and the chunks they load) as 'self'.
  const scripts = "nonce" in options ? `'nonce-${options.nonce}' 'strict-dynamic'` : options.scriptHashes.map((h) => `'${h}'`).join(" ");
  const directives = [
    `default-src 'self'`,
    // React's development build needs eval for its debugging aids; production never gets it.
    `script-src 'self' ${scripts}${development ? " 'unsafe-eval'" : ""}`.trim(),
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob: ${extra}`.trim(),
    `media-src 'self' blob: ${extra}`.trim(),
    `font-src 'self' data:`,
    `connect-src 'self' ${extra}${development ? " ws: wss:" : ""}`.trim(),
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ];
  return directives.join("; ");
}

/** Headers every response carries; HSTS only in production, where the app is served over HTTPS. */
export function staticSecurityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
