"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";

/**
 * Enrolls the signed-in user, then re-renders the course page, which shows Continue and the progress bar. The API is
 * idempotent, so a double click or a second tab cannot make a second enrollment; the button is disabled meanwhile.
 */
export function EnrollButton({ courseId, courseTitle }: { courseId: string; courseTitle: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  const enroll = async () => {
    setPending(true);
    const result = await sendJson<{ created: boolean }>(`/api/courses/${courseId}/enroll`, {});
    if (result.ok) {
      toast.success(result.data.created ? `You are enrolled in ${courseTitle}.` : `You were already enrolled in ${courseTitle}.`);
      router.refresh();
    } else {
      toast.error(result.error.message);
    }
    setPending(false);
  };

  return (
    <button type="button" onClick={enroll} disabled={pending} aria-disabled={pending} className={buttonStyles.primary}>
      {pending ? "Enrolling…" : "Enroll"}
    </button>
  );
}
