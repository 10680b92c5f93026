"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { ColumnHeads } from "@/components/ui/column-heads";
import { buttonStyles } from "@/components/ui/button-styles";
import { tableStyles } from "@/components/ui/table-styles";
import { inputClass } from "@/components/forms/field";
import { sendJson } from "@/lib/http/client-json";

type Category = { id: string; name: string; courses: number };

async function send(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<string | null> {
  if (method === "DELETE") {
    const response = await fetch(url, { method, credentials: "same-origin" }).catch(() => null);
    if (!response) return "Could not reach the server. Check your connection and try again.";
    if (response.ok) return null;
    const parsed = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return parsed?.error?.message ?? "Something went wrong. Please try again.";
  }
  const result = await sendJson(url, body, method);
  return result.ok ? null : result.error.message;
}

/** Admins keep the list courses are filed under: add, rename, merge one into another, delete an empty one. */
export function CategoryManager({ categories }: { categories: Category[] }) {
  const router = useRouter();
  const newId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function act(what: Promise<string | null>, success: string) {
    setPending(true);
    setError(null);
    const failure = await what;
    setPending(false);
    if (failure) {
      setError(failure);
      return false;
    }
    toast.success(success);
    router.refresh();
    return true;
  }

  return (
    <div className="flex flex-col gap-6">
      <p
        role="alert"
        className="empty:hidden rounded-lg border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
      >
        {error}
      </p>
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label="Add a category"
        onSubmit={async (event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem("name") as HTMLInputElement;
          const name = input.value.trim();
          if (await act(send("/api/admin/categories", "POST", { name }), `${name} added.`)) input.value = "";
        }}
      >
        <p className="flex flex-col gap-1">
          <label htmlFor={newId} className="text-sm font-medium">
            New category
          </label>
          <input id={newId} name="name" required maxLength={128} className={inputClass} />
        </p>
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          Add
        </button>
      </form>
      {categories.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">No categories yet. Courses can be filed under one once it exists.</p>
      ) : (
        <div className={tableStyles.wrapper}>
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>Categories</caption>
            <ColumnHeads columns={["Category", { label: "Courses", numeric: true }, "Rename", "Merge into", "Delete"]} />
            <tbody>
              {categories.map((category) => (
                <CategoryRow
                  key={category.id}
                  category={category}
                  others={categories.filter((c) => c.id !== category.id)}
                  pending={pending}
                  act={act}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function CategoryRow({
  category,
  others,
  pending,
  act,
}: {
  category: Category;
  others: Category[];
  pending: boolean;
  act: (what: Promise<string | null>, success: string) => Promise<boolean>;
}) {
  const renameId = useId();
  const mergeId = useId();
  const base = `/api/admin/categories/${category.id}`;
  return (
    <tr>
      <th scope="row" className={`${tableStyles.td} font-medium`}>
        {category.name}
      </th>
      <td className={`${tableStyles.td} text-right tabular-nums`}>{category.courses}</td>
      <td className={tableStyles.td}>
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const name = (event.currentTarget.elements.namedItem("name") as HTMLInputElement).value.trim();
            void act(send(base, "PATCH", { name }), `${category.name} renamed to ${name}.`);
          }}
        >
          <label htmlFor={renameId} className="sr-only">
            New name for {category.name}
          </label>
          <input id={renameId} name="name" required maxLength={128} defaultValue={category.name} className={`${inputClass} w-40`} />
          <button type="submit" disabled={pending} className={buttonStyles.secondary} aria-label={`Rename ${category.name}`}>
            Rename
          </button>
        </form>
      </td>
      <td className={tableStyles.td}>
        {others.length > 0 && (
          <form
            className="flex gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              const select = event.currentTarget.elements.namedItem("into") as HTMLSelectElement;
              const into = others.find((c) => c.id === select.value);
              if (into) void act(send(`${base}/merge`, "POST", { into: into.id }), `${category.name} merged into ${into.name}.`);
            }}
          >
            <label htmlFor={mergeId} className="sr-only">
              Merge {category.name} into
            </label>
            <select id={mergeId} name="into" className={`${inputClass} w-40`}>
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <button type="submit" disabled={pending} className={buttonStyles.secondary} aria-label={`Merge ${category.name}`}>
              Merge
            </button>
          </form>
        )}
      </td>
      <td className={tableStyles.td}>
        <button
          type="button"
          disabled={pending || category.courses > 0}
          className={buttonStyles.secondary}
          aria-label={`Delete ${category.name}`}
          title={category.courses > 0 ? "Merge it into another category first: it still has courses." : undefined}
          onClick={() => void act(send(base, "DELETE"), `${category.name} deleted.`)}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}
