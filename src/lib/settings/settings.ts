import "server-only";
import { eq } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { appSettings, type SignupPolicy } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import type { SettingsUpdate } from "@/lib/validation/settings";

/** The platform's settings an admin changes in the browser. */
export type Settings = { signupPolicy: SignupPolicy; signupDomains: string[] };

/** What a platform without its settings row has: anyone may sign up. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({ signupPolicy: "open", signupDomains: [] as string[] }) as Settings;

/** How long one server instance trusts the settings it read: 5 seconds. */
export const SETTINGS_TTL_MS = 5_000;

/**
 * A per-instance cache of the settings row, read at most once per TTL however many requests ask.
 *
 * Staleness bound: a change made through this instance (PATCH /api/admin/settings) drops its cache at once, so the
 * next read here sees it; another instance keeps what it read for at most `ttlMs` (SETTINGS_TTL_MS, 5 s) after its
 * read, so every instance applies a change at most 5 seconds after it is committed. A load that started before a drop
 * is not kept (it may hold the old row).
 */
export function createSettingsCache(load: () => Promise<Settings>, ttlMs = SETTINGS_TTL_MS, now: () => number = Date.now) {
  let entry: { value: Settings; readAt: number } | null = null;
  let generation = 0;
  return {
    async get(): Promise<Settings> {
      if (entry && now() - entry.readAt < ttlMs) return entry.value;
      const started = generation;
      const readAt = now();
      const value = await load();
      if (started === generation) entry = { value, readAt };
      return value;
    },
    drop() {
      generation += 1;
      entry = null;
    },
  };
}

/** The row as it is in the database; defaults when it is missing. */
export async function loadSettings(): Promise<Settings> {
  const [row] = await db
    .select({ signupPolicy: appSettings.signupPolicy, signupDomains: appSettings.signupDomains })
    .from(appSettings)
    .where(eq(appSettings.id, 1))
    .limit(1);
  return row ? { signupPolicy: row.signupPolicy, signupDomains: row.signupDomains } : { ...DEFAULT_SETTINGS, signupDomains: [] };
}

// On globalThis, not in a module variable: Next.js bundles each route with its own copy of this module, and the PATCH
// route must drop the cache the sign-up routes read.
const CACHE = Symbol.for("budhhub.settingsCache");
const holder = globalThis as typeof globalThis & { [CACHE]?: ReturnType<typeof createSettingsCache> };
const instanceCache = () => (holder[CACHE] ??= createSettingsCache(loadSettings));

/** The settings for this request, through this instance's cache (at most SETTINGS_TTL_MS old). Public: no viewer. */
export const getSettings = (): Promise<Settings> => instanceCache().get();

/** Drops this instance's cached settings; the next read goes to the database. */
export const dropSettingsCache = () => instanceCache().drop();

/** Admins: the settings as stored now (not through the cache). */
export async function getSettingsForAdmin(viewer: Viewer): Promise<Settings> {
  requireRoleOf(viewer, "ADMIN");
  return loadSettings();
}

/**
 * Admins: changes the policy, the domains, or both; "domains" needs at least one domain (those sent, or those stored).
 * The row is created if missing. This instance's cache is dropped at once; other instances see it within the TTL.
 */
export async function updateSettings(viewer: Viewer, change: SettingsUpdate, now = new Date()): Promise<Settings> {
  requireRoleOf(viewer, "ADMIN");
  const saved = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ signupPolicy: appSettings.signupPolicy, signupDomains: appSettings.signupDomains })
      .from(appSettings)
      .where(eq(appSettings.id, 1))
      .for("update");
    const next: Settings = {
      signupPolicy: change.signupPolicy ?? current?.signupPolicy ?? DEFAULT_SETTINGS.signupPolicy,
      signupDomains: change.signupDomains ?? current?.signupDomains ?? [],
    };
    if (next.signupPolicy === "domains" && next.signupDomains.length === 0) {
      throw new AppError("VALIDATION_FAILED", "List at least one domain to allow sign-up by domain.", {
        fields: { signupDomains: "List at least one domain, such as school.example." },
      });
    }
    const values = { ...next, updatedAt: now, updatedBy: viewer.id };
    await tx
      .insert(appSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: appSettings.id, set: values });
    return next;
  });
  dropSettingsCache();
  return saved;
}
