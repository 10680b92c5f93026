import { route } from "@/app/_http/route";
import { respondWithSession } from "@/app/_http/session-response";
import { changePassword } from "@/lib/users/update-profile";
import { changePasswordSchema } from "@/lib/validation/auth";

/** Changes the password, ends the user's other sessions and renews this one. */
export const PUT = route({ access: "user", body: changePasswordSchema }, async ({ viewer, body }) => {
  const user = await changePassword(viewer, body);
  return respondWithSession(user, { message: "Your password has been changed. Other devices have been signed out." });
});
