"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";

/** Publish or unpublish; a refusal says what the course still needs. */
export function PublishControl({ courseId, published }: { courseId: string; published: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setPending(true);
    setError(null);
    const result = await sendJson(`/api/instructor/courses/${courseId}/publish`, { published: !published });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    toast.success(published ? "The course is now a draft, hidden from the catalog." : "The course is published.");
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-3">
      <p>
        Status: <strong>{published ? "Published" : "Draft"}</strong>
        {published ? " — learners can find and enroll in it." : " — only you and admins can see it."}
      </p>
      <FormError message={error} />
      <p>
        <button
          type="button"
          onClick={() => void toggle()}
          disabled={pending}
          className={published ? buttonStyles.secondary : buttonStyles.primary}
        >
          {pending ? "Saving…" : published ? "Unpublish" : "Publish"}
        </button>
      </p>
    </div>
  );
}
