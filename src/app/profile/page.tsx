import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { ProfileNameForm } from "@/components/auth/profile-name-form";
import { requirePageUser } from "@/lib/auth/session";
import { hasPassword } from "@/lib/users/has-password";

export const metadata: Metadata = { title: "Your profile" };

const roleNames = { LEARNER: "Learner", INSTRUCTOR: "Instructor", ADMIN: "Admin" } as const;

export default async function ProfilePage() {
  const viewer = await requirePageUser("/profile");
  const withPassword = await hasPassword(viewer.id);

  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-8">
      <h1 className="text-3xl font-bold tracking-tight">Your profile</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-medium">Email</dt>
        <dd className="break-all">{viewer.email}</dd>
        <dt className="font-medium">Role</dt>
        <dd>{roleNames[viewer.role]}</dd>
      </dl>
      <section className="flex flex-col gap-4 border-t border-slate-200 pt-6 dark:border-slate-800">
        <h2 id="profile-name" className="text-xl font-semibold">
          Name
        </h2>
        <ProfileNameForm name={viewer.name ?? ""} headingId="profile-name" />
      </section>
      <section className="flex flex-col gap-4 border-t border-slate-200 pt-6 dark:border-slate-800">
        <h2 id="profile-password" className="text-xl font-semibold">
          {withPassword ? "Change your password" : "Set a password"}
        </h2>
        {!withPassword && (
          <p className="text-slate-600 dark:text-slate-300">
            You sign in with email links. Set a password to sign in with it as well.
          </p>
        )}
        <ChangePasswordForm hasPassword={withPassword} headingId="profile-password" />
      </section>
    </div>
  );
}
