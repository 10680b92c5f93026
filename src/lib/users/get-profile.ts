import "server-only";
import { eq } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

/** What the profile page's name form edits: the viewer's own name and bio. */
export async function getProfile(viewer: Viewer): Promise<{ name: string | null; bio: string | null }> {
  const [row] = await db.select({ name: users.name, bio: users.bio }).from(users).where(eq(users.id, viewer.id));
  return row ?? { name: viewer.name, bio: null };
}
