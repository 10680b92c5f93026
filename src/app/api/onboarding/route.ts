import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { completeOnboarding } from "@/lib/users/complete-onboarding";
import { onboardingSchema } from "@/lib/validation/auth";

/** A new user picks LEARNER or INSTRUCTOR and their name, once; the answer says where to go next. */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const input = await parseJson(request, onboardingSchema);
  const viewer = await requireUser();
  return NextResponse.json(await completeOnboarding(viewer, input));
});
