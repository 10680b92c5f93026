import { LoaderCircle } from "lucide-react";
import type { ReactNode } from "react";
import { buttonStyles } from "@/components/ui/button-styles";

/** A form's submit button: disabled while the request runs, and then says what is happening ("Signing in…"). */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
  variant = "primary",
}: {
  pending: boolean;
  pendingLabel: string;
  children: ReactNode;
  variant?: "primary" | "secondary";
}) {
  return (
    <button type="submit" disabled={pending} className={`${buttonStyles[variant]} w-full`}>
      {pending ? (
        <>
          <LoaderCircle aria-hidden="true" className="h-4 w-4 animate-spin" />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
