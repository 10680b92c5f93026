"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";

/** Deletes the course after a confirmation, then goes back to the list. */
export function DeleteCourseButton({ courseId, title, backTo }: { courseId: string; title: string; backTo: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function onClick() {
    if (!window.confirm(`Delete "${title}" with all its lessons, files and enrollments? This cannot be undone.`)) return;
    setPending(true);
    const response = await fetch(`/api/instructor/courses/${courseId}`, { method: "DELETE" }).catch(() => null);
    setPending(false);
    if (!response?.ok) {
      toast.error(
        response
          ? "The course could not be deleted. Please try again."
          : "Could not reach the server. Check your connection and try again.",
      );
      return;
    }
    toast.success(`Deleted "${title}".`);
    router.push(backTo);
    router.refresh();
  }
  return (
    <button
      type="button"
      onClick={() => void onClick()}
      disabled={pending}
      className={`${buttonStyles.secondary} text-red-800 dark:text-red-300`}
    >
      {pending ? "Deleting…" : "Delete course"}
    </button>
  );
}
