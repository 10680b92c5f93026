import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/env";

let cached: string | undefined;

/**
 * The key that signs session tokens and storage URLs. In embedded mode (and in development) one is generated on first
 * start and kept in DATA_DIR/auth-secret; a production server with a real database refuses to start without AUTH_SECRET.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  if (env.isProduction && !env.embedded) {
    throw new Error(
      "AUTH_SECRET is not set. A production server needs a fixed secret of 32 or more characters shared by every instance: " +
        "generate one with `openssl rand -base64 32` and set AUTH_SECRET.",
    );
  }
  const file = path.join(env.dataDir, "auth-secret");
  fs.mkdirSync(env.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return (cached = fs.readFileSync(file, "utf8").trim());
}
