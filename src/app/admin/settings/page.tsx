import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/app/_http/page-viewer";
import { SignupPolicyForm } from "@/components/admin/signup-policy-form";
import { buttonStyles } from "@/components/ui/button-styles";
import { getSettingsForAdmin } from "@/lib/settings/settings";

export const metadata: Metadata = { title: "Settings" };

/** Admins: the platform's settings, for now who may make an account. */
export default async function SettingsPage() {
  const viewer = await requirePageRole("/admin/settings", "ADMIN");
  const settings = await getSettingsForAdmin(viewer);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/admin" className={buttonStyles.link}>
          Admin
        </Link>
      </p>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Settings</h1>
        <p className="text-slate-700 dark:text-slate-300">
          A change applies on this server at once, and everywhere within a few seconds. Invited people can always make their account.
        </p>
      </div>
      <SignupPolicyForm settings={settings} />
    </div>
  );
}
