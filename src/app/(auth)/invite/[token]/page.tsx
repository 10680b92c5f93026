import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { buttonStyles } from "@/components/ui/button-styles";
import { invitationForToken } from "@/lib/invitations/invitations";
import { linkToken } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Your invitation", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

const roleNames = { LEARNER: "a learner", INSTRUCTOR: "an instructor", ADMIN: "an admin" } as const;

const refusals = {
  unknown: "This invitation link is not valid. Check that you opened the whole link from the e-mail.",
  expired: "This invitation has expired. Ask whoever invited you to send it again.",
  revoked: "This invitation was withdrawn. Ask whoever invited you for a new one.",
  accepted: "This invitation was used already. Sign in with the account it made.",
};

/** The page of a mailed invitation: who invites the address, as what, into which courses; a name and a password make the account. */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const parsed = linkToken("").safeParse(token);
  const invitation = parsed.success ? await invitationForToken(parsed.data) : ({ state: "unknown" } as const);

  if (invitation.state !== "open") {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">This invitation does not work</h1>
        <p
          role="alert"
          className="rounded-lg border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
        >
          {refusals[invitation.state]}
        </p>
        <Link href="/signin" className={`${buttonStyles.primary} self-start`}>
          Sign in
        </Link>
      </>
    );
  }

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">You are invited</h1>
      <div className="flex flex-col gap-2 text-slate-700 dark:text-slate-300">
        <p>
          {invitation.inviterName ?? "BudhHub"} invited <strong className="break-all">{invitation.email}</strong> to join BudhHub as{" "}
          {roleNames[invitation.role]}.
        </p>
        {invitation.courses.length > 0 && (
          <div>
            <p>You will be enrolled in:</p>
            <ul className="list-disc pl-6">
              {invitation.courses.map((c) => (
                <li key={c.id} className="break-words">
                  {c.title}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p>Choose your name and a password. The invitation confirms your address: nothing else to check.</p>
      </div>
      <AcceptInvitationForm token={parsed.data!} email={invitation.email} />
    </>
  );
}
