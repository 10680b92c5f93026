"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ApiFailure, ApiResult } from "@/lib/http/client-json";

/**
 * react-hook-form with the server's zod schema, plus the form-level error. A failed request puts the server's field
 * errors on the fields the form has (focusing the first) and the server's message in the form's alert.
 */
export function useApiForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S>>) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), defaultValues });
  const [formError, setFormError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  function showFailure(failure: ApiFailure) {
    const known = new Set(Object.keys(form.getValues()));
    const unplaced: string[] = [];
    let focused = false;
    for (const [field, message] of Object.entries(failure.fields)) {
      if (known.has(field)) {
        form.setError(field as Path<z.input<S>>, { type: "server", message }, { shouldFocus: !focused });
        focused = true;
      } else if (message !== failure.message) {
        unplaced.push(message);
      }
    }
    setFormError([failure.message, ...unplaced].join(" "));
  }

  /** The form's onSubmit: validates, sends, and on success hands the answer to `onSuccess`. */
  function submit<T>(send: (values: z.output<S>) => Promise<ApiResult<T>>, onSuccess: (data: T, values: z.output<S>) => void) {
    return form.handleSubmit(async (values) => {
      setFormError(null);
      const result = await send(values);
      if (result.ok) onSuccess(result.data, values);
      else showFailure(result.error);
    });
  }

  /** A full page load, so that the header and every server component see the new session; the button stays busy. */
  function leaveTo(url: string) {
    setLeaving(true);
    window.location.assign(url);
  }

  return { form, errors: form.formState.errors, pending: form.formState.isSubmitting || leaving, formError, submit, leaveTo };
}
