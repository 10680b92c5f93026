import { route } from "@/app/_http/route";
import { respondWithSession } from "@/app/_http/session-response";
import { sessionDevice } from "@/lib/auth/session-device";
import { changePassword } from "@/lib/users/update-profile";
import { changePasswordSchema } from "@/lib/validation/auth";

/** Changes the password, ends the user's other sessions and renews this one (a new session id for this device). */
export const PUT = route({ access: "user", body: changePasswordSchema }, async ({ request, viewer, body }) => {
  const user = await changePassword(viewer, body, sessionDevice(request));
  return respondWithSession(request, user, { message: "Your password has been changed. Other devices have been signed out." });
});
