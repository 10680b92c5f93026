import type { NextConfig } from "next";
// Read through src/env.ts like every other setting, so that a bad value stops the build as it stops start-up.
import { env } from "./src/env";
import { staticSecurityHeaders } from "./src/lib/security/headers";

const production = env.isProduction;

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Packages with WASM, native or worker parts that must be loaded by Node as they are, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pg", "@neondatabase/serverless", "ws", "bcryptjs", "mjml"],
  // The certificate PDF reads its fonts from node_modules when it runs: traced, so that a standalone build carries them.
  outputFileTracingIncludes: {
    "/api/certificates/[code]/pdf": ["./node_modules/@expo-google-fonts/noto-sans*/{400Regular,700Bold}/*.ttf"],
  },
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders(production) },
      {
        // Files Next serves itself never pass through src/proxy.ts; they get a CSP that allows nothing to run.
        source: "/_next/static/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
