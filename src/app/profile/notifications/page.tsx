import type { Metadata } from "next";
import Link from "next/link";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { getNotificationPreferences } from "@/lib/notifications/notifications";
import { requirePageUser } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Notification preferences" };

/** Which notifications the user gets, in the app and by e-mail; security messages always go. */
export default async function NotificationPreferencesPage() {
  const viewer = await requirePageUser("/profile/notifications");
  const { preferences } = await getNotificationPreferences(viewer);
  const shown = preferences.filter((p) => p.audience !== "instructor" || viewer.role !== "LEARNER");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href="/profile" className="font-medium text-indigo-700 underline dark:text-indigo-300">
            Profile
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Notification preferences</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Choose what BudhHub tells you in the app (the bell at the top of every page) and by e-mail. Everything is on until you turn it
          off; a link at the foot of each mail turns that kind of mail off too. Mail about new lessons, new enrollments and submissions
          comes as one digest a day or an hour. Mail about your account&rsquo;s security is always sent.
        </p>
      </div>
      <PreferencesForm preferences={shown} />
    </div>
  );
}
