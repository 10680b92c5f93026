import { fileURLToPath } from "node:url";
import type { ViteUserConfig } from "vitest/config";

/** What every Vitest config here shares: the @ alias, and server-only as an empty module outside Next.js. */
export const shared: ViteUserConfig = {
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./src", import.meta.url)),
      "server-only": fileURLToPath(new URL("./tests/helpers/server-only.ts", import.meta.url)),
    },
  },
};
