"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { buttonStyles } from "@/components/ui/button-styles";
import { tableStyles } from "@/components/ui/table-styles";
import { sendJson } from "@/lib/http/client-json";
import type { NotificationChannel } from "@/lib/notifications/kinds";

export type PreferenceView = {
  kind: string;
  label: string;
  audience: string;
  locked: boolean;
  channels: Partial<Record<NotificationChannel, boolean>>;
};

const CHANNELS: { channel: NotificationChannel; label: string }[] = [
  { channel: "app", label: "In the app" },
  { channel: "email", label: "By e-mail" },
];

/** A checkbox per kind and channel it uses; a kind that cannot be turned off shows its box checked and disabled. */
export function PreferencesForm({ preferences }: { preferences: PreferenceView[] }) {
  const router = useRouter();
  const [values, setValues] = useState(preferences);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label="Notification preferences"
      className="flex flex-col gap-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setError(null);
        const body = {
          preferences: values
            .filter((p) => !p.locked)
            .flatMap((p) => Object.entries(p.channels).map(([channel, enabled]) => ({ kind: p.kind, channel, enabled }))),
        };
        const result = await sendJson("/api/profile/notifications", body, "PUT");
        setPending(false);
        if (!result.ok) {
          setError(result.error.message);
          return;
        }
        toast.success("Notification preferences saved.");
        router.refresh();
      }}
    >
      <FormError message={error} />
      <div className={tableStyles.wrapper} role="region" aria-label="Preferences table" tabIndex={0}>
        <table className={tableStyles.table}>
          <caption className={tableStyles.caption}>What you are told, and how</caption>
          <thead>
            <tr>
              <th scope="col" className={tableStyles.th}>
                Notification
              </th>
              {CHANNELS.map((c) => (
                <th key={c.channel} scope="col" className={`${tableStyles.th} text-center`}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {values.map((p, row) => (
              <tr key={p.kind}>
                <th scope="row" className={`${tableStyles.td} font-normal`}>
                  {p.label}
                  {p.locked && (
                    <span className="block text-xs text-slate-700 dark:text-slate-300">Always sent: it is about your account.</span>
                  )}
                </th>
                {CHANNELS.map((c) => (
                  <td key={c.channel} className={`${tableStyles.td} text-center`}>
                    {c.channel in p.channels ? (
                      <input
                        type="checkbox"
                        className="size-4"
                        aria-label={`${p.label}: ${c.label.toLowerCase()}`}
                        checked={p.channels[c.channel] ?? true}
                        disabled={p.locked}
                        onChange={(event) => {
                          const checked = event.currentTarget.checked;
                          setValues((all) =>
                            all.map((x, i) => (i === row ? { ...x, channels: { ...x.channels, [c.channel]: checked } } : x)),
                          );
                        }}
                      />
                    ) : (
                      <span className="text-slate-700 dark:text-slate-300">
                        <span aria-hidden="true">—</span>
                        <span className="sr-only">Not sent {c.label.toLowerCase()}</span>
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button type="submit" className={buttonStyles.primary} disabled={pending}>
          {pending ? "Saving…" : "Save preferences"}
        </button>
      </p>
    </form>
  );
}
