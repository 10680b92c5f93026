import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-sm text-slate-600 dark:text-slate-300">
        <p>BudhHub — an open-source learning platform you run yourself.</p>
        <nav aria-label="Footer">
          <ul className="flex gap-4">
            <li>
              <Link href="/about" className="underline-offset-2 hover:underline">
                About
              </Link>
            </li>
            <li>
              <Link href="/courses" className="underline-offset-2 hover:underline">
                Catalog
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
