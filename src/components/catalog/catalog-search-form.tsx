"use client";

import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition, type FormEvent } from "react";
import { inputClass } from "@/components/forms/field";
import { buttonStyles } from "@/components/ui/button-styles";
import { catalogHref, type CatalogFilters } from "./catalog-href";

const SEARCH_DELAY_MS = 300;

const difficultyOptions = [
  { value: "", label: "Any difficulty" },
  { value: "beginner", label: "Beginner" },
  { value: "intermediate", label: "Intermediate" },
  { value: "advanced", label: "Advanced" },
];

const sortOptions = [
  { value: "relevance", label: "Best match" },
  { value: "newest", label: "Newest" },
  { value: "title", label: "Title (A–Z)" },
  { value: "popular", label: "Most enrolled" },
];

function filtersOf(form: HTMLFormElement): CatalogFilters {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return { q: text("q"), category: text("category"), difficulty: text("difficulty"), sort: text("sort") };
}

type SelectProps = { name: string; label: string; value: string; options: { value: string; label: string }[]; onChange: () => void };

function Select({ name, label, value, options, onChange }: SelectProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`catalog-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <select id={`catalog-${name}`} name={name} defaultValue={value} onChange={onChange} className={inputClass}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The catalog's filters. Without JavaScript it is a plain GET form; with it, the URL follows the search box as the
 * user types (debounced) and the selects as they change, and the server renders the results for that URL. Changing a
 * filter goes back to page 1.
 */
export function CatalogSearchForm({ filters, categories }: { filters: CatalogFilters; categories: string[] }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [pending, startTransition] = useTransition();

  // The fields are uncontrolled so that typing is never overwritten by a response for an older prefix. When the URL
  // changes from outside the form ("Clear filters", back), fields the user is not in take the URL's values.
  const { q = "", category = "", difficulty = "", sort = "relevance" } = filters;
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const values: Record<string, string> = { q, category, difficulty, sort };
    for (const [name, value] of Object.entries(values)) {
      const field = form.elements.namedItem(name);
      if ((field instanceof HTMLInputElement || field instanceof HTMLSelectElement) && field !== document.activeElement)
        field.value = value;
    }
  }, [q, category, difficulty, sort]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const go = (mode: "push" | "replace") => {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const href = catalogHref(filtersOf(form));
    startTransition(() => router[mode](href, { scroll: false }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go("push");
  };

  const categoryOptions = [{ value: "", label: "All categories" }, ...categories.map((c) => ({ value: c, label: c }))];
  if (category && !categories.includes(category)) categoryOptions.push({ value: category, label: category });

  return (
    <form
      ref={formRef}
      action="/courses"
      method="get"
      role="search"
      aria-label="Search the catalog"
      aria-busy={pending}
      onSubmit={onSubmit}
      className="grid gap-3 rounded-xl border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end dark:border-slate-800"
    >
      <div className="flex flex-col gap-1 sm:col-span-2 lg:col-span-1">
        <label htmlFor="catalog-q" className="text-sm font-medium">
          Search
        </label>
        <input
          id="catalog-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={200}
          autoComplete="off"
          placeholder="Title, topic or category"
          className={inputClass}
          onChange={() => {
            clearTimeout(timer.current);
            timer.current = setTimeout(() => go("replace"), SEARCH_DELAY_MS);
          }}
        />
      </div>
      <Select name="category" label="Category" value={category} options={categoryOptions} onChange={() => go("push")} />
      <Select name="difficulty" label="Difficulty" value={difficulty} options={difficultyOptions} onChange={() => go("push")} />
      <Select name="sort" label="Sort by" value={sort} options={sortOptions} onChange={() => go("push")} />
      <button type="submit" className={buttonStyles.primary}>
        <Search aria-hidden="true" className="h-4 w-4" />
        Apply
      </button>
    </form>
  );
}
