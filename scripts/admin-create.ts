// npm run admin:create -- EMAIL — makes EMAIL an admin (creating the account if needed) and prints a link to set a password.
import { env } from "@/env";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { createResetToken, RESET_TOKEN_TTL_MS } from "@/lib/users/password-reset";
import { makeAdmin } from "@/lib/users/make-admin";
import { emailSchema } from "@/lib/validation/auth";
import { runScript } from "./run-script";

const parsed = emailSchema.safeParse(process.argv[2]);
if (!parsed.success) {
  console.error("usage: npm run admin:create -- EMAIL   (for example: npm run admin:create -- you@example.com)");
  process.exit(2);
}
const email = parsed.data;

await runScript(async () => {
  await prepareDatabase({ seed: false });
  const result = await makeAdmin(email);
  console.log(`${email} is ${result.created ? "a new admin account" : "now an admin"}.`);
  if (!result.hasPassword) {
    const token = await createResetToken(result.id);
    console.log(`Set a password within ${RESET_TOKEN_TTL_MS / 60_000} minutes: ${env.appUrl}/reset-password?token=${token}`);
    console.log("Or sign in with an e-mailed link from the sign-in page.");
  }
});
