import type { Metadata } from "next";
import Link from "next/link";
import { ChangeEmailForm } from "@/components/auth/change-email-form";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { ProfileNameForm } from "@/components/auth/profile-name-form";
import { SessionList } from "@/components/auth/session-list";
import { TeachRequestForm } from "@/components/auth/teach-request-form";
import { getProfile } from "@/lib/users/get-profile";
import { hasPassword } from "@/lib/users/has-password";
import { listMyInstructorRequests, teachingMode } from "@/lib/users/instructor-requests";
import { LAST_SEEN_INTERVAL_MS, listUserSessions } from "@/lib/users/user-sessions";
import { requirePageUser } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Your profile" };

const roleNames = { LEARNER: "Learner", INSTRUCTOR: "Instructor", ADMIN: "Admin" } as const;
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const sectionClass = "flex flex-col gap-4 border-t border-slate-200 pt-6 dark:border-slate-800";

export default async function ProfilePage() {
  const viewer = await requirePageUser("/profile");
  const [withPassword, requests, profile] = await Promise.all([
    hasPassword(viewer.id),
    listMyInstructorRequests(viewer),
    getProfile(viewer),
  ]);
  const sessions = await listUserSessions(viewer);
  const mode = teachingMode();
  const pendingRequest = requests.find((r) => r.status === "pending");

  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-8">
      <h1 className="text-3xl font-bold tracking-tight">Your profile</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-medium">Email</dt>
        <dd className="break-all">
          {viewer.email} {viewer.emailVerified ? "(confirmed)" : "(not confirmed yet)"}
        </dd>
        <dt className="font-medium">Role</dt>
        <dd>{roleNames[viewer.role]}</dd>
      </dl>
      <p>
        <Link href="/profile/notifications" className="font-medium text-indigo-700 underline dark:text-indigo-300">
          Notification preferences
        </Link>
      </p>
      <section className={sectionClass}>
        <h2 id="profile-name" className="text-xl font-semibold">
          Name and bio
        </h2>
        <ProfileNameForm name={profile.name ?? ""} bio={profile.bio} headingId="profile-name" />
      </section>
      <section className={sectionClass}>
        <h2 id="profile-email" className="text-xl font-semibold">
          Change your email
        </h2>
        {viewer.emailVerified ? (
          <>
            <p className="text-slate-600 dark:text-slate-300">
              We send a link to the new address; your address changes when you open it, and we tell the old one.
            </p>
            <ChangeEmailForm hasPassword={withPassword} headingId="profile-email" />
          </>
        ) : (
          <p className="text-slate-600 dark:text-slate-300">Confirm your current address first, with the link we sent you.</p>
        )}
      </section>
      <section className={sectionClass}>
        <h2 id="profile-password" className="text-xl font-semibold">
          {withPassword ? "Change your password" : "Set a password"}
        </h2>
        {!withPassword && (
          <p className="text-slate-600 dark:text-slate-300">You sign in with email links. Set a password to sign in with it as well.</p>
        )}
        <ChangePasswordForm hasPassword={withPassword} headingId="profile-password" />
      </section>
      <section className={sectionClass}>
        <h2 id="profile-sessions" tabIndex={-1} className="text-xl font-semibold">
          Where you are signed in
        </h2>
        <p className="text-slate-600 dark:text-slate-300">
          Signing out ends the session on that device only. If you do not recognise a device, sign it out and change your password.
        </p>
        <SessionList sessions={sessions} now={new Date()} freshMinutes={LAST_SEEN_INTERVAL_MS / 60_000} headingId="profile-sessions" />
      </section>
      {viewer.role === "LEARNER" && mode !== "closed" && (
        <section className={sectionClass}>
          <h2 id="profile-teach" className="text-xl font-semibold">
            Teach on BudhHub
          </h2>
          {pendingRequest ? (
            <p>
              You asked to teach on {dateFormat.format(pendingRequest.createdAt)}. An admin will decide; you will see the answer on your
              dashboard.
            </p>
          ) : (
            <>
              <p className="text-slate-600 dark:text-slate-300">
                {mode === "request"
                  ? "Ask the admins to let you create courses."
                  : "Create courses, upload lessons and see how your learners do."}
              </p>
              <TeachRequestForm mode={mode} headingId="profile-teach" />
            </>
          )}
        </section>
      )}
    </div>
  );
}
