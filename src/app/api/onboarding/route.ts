import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { completeOnboarding } from "@/lib/users/complete-onboarding";
import { onboardingSchema } from "@/lib/validation/auth";

/** A new user gives their name and says whether they are here to learn or to teach, once; the answer says where next. */
export const POST = route({ access: "user", body: onboardingSchema }, async ({ viewer, body }) =>
  NextResponse.json(await completeOnboarding(viewer, body)),
);
