import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import type { OnboardingInput } from "@/lib/validation/auth";

/** A new user picks LEARNER or INSTRUCTOR once; ADMIN is never self-chosen, and an admin (ADMIN_EMAILS) stays one. */
export async function completeOnboarding(viewer: Viewer, input: OnboardingInput) {
  const role = viewer.role === "ADMIN" ? "ADMIN" : input.role;
  const [updated] = await db
    .update(users)
    .set({ name: input.name, role, onboardedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(users.id, viewer.id), isNull(users.onboardedAt)))
    .returning({ id: users.id, role: users.role, name: users.name });
  if (!updated) throw new AppError("CONFLICT", "You have already completed onboarding.");
  return { user: updated, next: role === "LEARNER" ? "/dashboard" : role === "INSTRUCTOR" ? "/instructor" : "/admin" };
}
