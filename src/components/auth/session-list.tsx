"use client";

import { LogOut, Monitor } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import { badgeStyles } from "@/components/ui/table-styles";
import { NETWORK_ERROR_MESSAGE } from "@/lib/http/client-json";

export type SessionRow = {
  id: string;
  device: string;
  ip: string | null;
  signedInAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const MINUTE = 60_000;

/** "Last seen", as exact as the server keeps it: a session's time moves on at most every `freshMinutes`. */
function lastSeenText(session: SessionRow, now: Date, freshMinutes: number): string {
  if (session.current) return "Now";
  const minutes = Math.floor((now.getTime() - session.lastSeenAt.getTime()) / MINUTE);
  if (minutes < freshMinutes) return `In the last ${freshMinutes} minutes`;
  if (minutes < 60) return `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? "An hour ago" : `${hours} hours ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? "Yesterday" : days < 7 ? `${days} days ago` : dateFormat.format(session.lastSeenAt);
}

async function remove(url: string): Promise<{ ok: true } | { ok: false; gone: boolean; message: string }> {
  const response = await fetch(url, { method: "DELETE", credentials: "same-origin" }).catch(() => null);
  if (!response) return { ok: false, gone: false, message: NETWORK_ERROR_MESSAGE };
  if (response.ok) return { ok: true };
  if (response.status === 404) return { ok: false, gone: true, message: "That device was signed out already." };
  // Signed out meanwhile (from another device): the page itself needs a new sign-in.
  if (response.status === 401) return { ok: false, gone: true, message: "You have been signed out. Sign in again." };
  return { ok: false, gone: false, message: "That did not work. Please try again." };
}

/**
 * The devices the user is signed in on, this one first, each with a Sign out button, and "Sign out everywhere". Ending
 * this device's session (from its row or everywhere) leaves the page for the home page, signed out.
 */
export function SessionList({
  sessions,
  now,
  freshMinutes,
  headingId,
}: {
  sessions: SessionRow[];
  now: Date;
  freshMinutes: number;
  headingId: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [ended, setEnded] = useState<string[]>([]);
  const shown = sessions.filter((s) => !ended.includes(s.id));

  // A full page load, not a client navigation: the header and every page must see that this device is signed out.
  const leave = () => window.location.assign(new URL("/", window.location.origin));

  async function signOut(session: SessionRow) {
    setBusy(session.id);
    const result = await remove(`/api/profile/sessions/${session.id}`);
    setBusy(null);
    if (result.ok && session.current) return leave();
    if (result.ok || result.gone) {
      setEnded((list) => [...list, session.id]);
      // The row and its button are gone: focus goes back to the section's heading, which the user can read on from.
      document.getElementById(headingId)?.focus();
      router.refresh();
    }
    if (result.ok) toast.success(`Signed out ${session.device}.`);
    else toast.error(result.message);
  }

  async function signOutEverywhere() {
    if (!window.confirm("Sign out on every device, this one too?")) return;
    setBusy("everywhere");
    const result = await remove("/api/profile/sessions");
    setBusy(null);
    if (result.ok || result.gone) return leave();
    toast.error(result.message);
  }

  return (
    <div className="flex flex-col gap-4">
      {shown.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">No devices are signed in.</p>
      ) : (
        <ul aria-labelledby={headingId} className="flex flex-col gap-3">
          {shown.map((session) => {
            const signedIn = dateFormat.format(session.signedInAt);
            return (
              <li
                key={session.id}
                className="flex flex-col gap-3 rounded-lg border border-slate-200 px-4 py-3 sm:flex-row sm:items-start sm:gap-4 dark:border-slate-800"
              >
                <div className="flex min-w-0 flex-1 items-start gap-3">
                  <Monitor aria-hidden="true" className="mt-1 h-5 w-5 shrink-0 text-slate-600 dark:text-slate-300" />
                  <div className="flex min-w-0 flex-1 flex-col gap-1">
                    <p className="flex flex-wrap items-center gap-2 font-medium">
                      <span className="break-words">{session.device}</span>
                      {session.current && <span className={badgeStyles.indigo}>This device</span>}
                    </p>
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-700 dark:text-slate-300">
                      <dt>Signed in</dt>
                      <dd>
                        <time dateTime={session.signedInAt.toISOString()}>{signedIn}</time>
                      </dd>
                      <dt>Last seen</dt>
                      <dd>
                        <time dateTime={(session.current ? now : session.lastSeenAt).toISOString()}>
                          {lastSeenText(session, now, freshMinutes)}
                        </time>
                      </dd>
                      {session.ip && (
                        <>
                          <dt>Address</dt>
                          <dd className="break-all">{session.ip}</dd>
                        </>
                      )}
                    </dl>
                  </div>
                </div>
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => void signOut(session)}
                  className={`${buttonStyles.secondary} self-start py-1.5 text-sm`}
                >
                  <LogOut aria-hidden="true" className="h-4 w-4" />
                  <span>
                    {busy === session.id ? "Signing out…" : "Sign out"}
                    {/* Each button names its device for screen readers, which list buttons out of context. */}
                    <span className="sr-only">{session.current ? " this device" : ` ${session.device}, signed in ${signedIn}`}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <button
          type="button"
          disabled={busy !== null}
          onClick={() => void signOutEverywhere()}
          className={`${buttonStyles.secondary} text-red-800 dark:text-red-300`}
        >
          {busy === "everywhere" ? "Signing out…" : "Sign out everywhere"}
        </button>
      </div>
    </div>
  );
}
