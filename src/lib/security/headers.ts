/**
 * Security headers. The page CSP carries a fresh nonce per request (set by src/proxy.ts); the static headers are set by
 * next.config.ts on every response, including files Next serves itself.
 */

export type CspOptions = { nonce: string; development: boolean; extraOrigins: string[] };

export function contentSecurityPolicy({ nonce, development, extraOrigins }: CspOptions): string {
  const extra = extraOrigins.join(" ");
  const directives = [
    `default-src 'self'`,
    // React's development build needs eval for its debugging aids; production never gets it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
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
