import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import type { OnboardingInput } from "@/lib/validation/auth";
import { askToTeach } from "./instructor-requests";

/**
 * A new user gives their name and says whether they want to learn or to teach, once. Teaching follows
 * INSTRUCTOR_SIGNUP (src/lib/users/instructor-requests.ts): by default it files a request and the user stays a
 * learner until an admin approves. ADMIN is never self-chosen, and an admin (ADMIN_EMAILS) stays one.
 */
export async function completeOnboarding(viewer: Viewer, input: OnboardingInput) {
  return db.transaction(async (tx) => {
    const teaching = viewer.role === "LEARNER" && input.role === "INSTRUCTOR" ? await askToTeach(tx, viewer.id, input.message) : null;
    const role = viewer.role !== "LEARNER" ? viewer.role : (teaching?.role ?? "LEARNER");
    const [updated] = await tx
      .update(users)
      .set({ name: input.name, role, onboardedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.id, viewer.id), isNull(users.onboardedAt)))
      .returning({ id: users.id, role: users.role, name: users.name });
    if (!updated) throw new AppError("CONFLICT", "You have already completed onboarding.");
    const next = role === "ADMIN" ? "/admin" : role === "INSTRUCTOR" ? "/instructor" : "/dashboard";
    return { user: updated, next, ...(teaching && "request" in teaching ? { instructorRequest: teaching.request } : {}) };
  });
}
