import "server-only";
import { env } from "@/env";
import { toReturnPath } from "@/lib/validation/return-path";

/** The page to return to after signing in, if the query gave one that stays on this app's origin (APP_URL). */
export function readCallbackUrl(value: string | string[] | undefined): string | null {
  return toReturnPath(value, env.appUrl);
}
