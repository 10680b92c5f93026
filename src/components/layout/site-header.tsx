import Link from "next/link";
import { GraduationCap, LogIn, LogOut } from "lucide-react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import type { UserRole } from "@/lib/db/schema";

export type Viewer = { name: string | null; email: string; role: UserRole } | null;

type NavItem = { href: string; label: string; roles?: UserRole[]; signedIn?: boolean };

const navItems: NavItem[] = [
  { href: "/courses", label: "Catalog" },
  { href: "/dashboard", label: "Dashboard", signedIn: true },
  { href: "/my-courses", label: "My courses", signedIn: true },
  { href: "/instructor", label: "Instructor", roles: ["INSTRUCTOR", "ADMIN"] },
  { href: "/admin", label: "Admin", roles: ["ADMIN"] },
];

export function visibleNavItems(viewer: Viewer) {
  return navItems.filter((item) => {
    if (item.roles) return viewer !== null && item.roles.includes(viewer.role);
    if (item.signedIn) return viewer !== null;
    return true;
  });
}

const linkClass =
  "rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-200 dark:hover:bg-slate-800 dark:hover:text-white";

export function SiteHeader({ viewer, signOutAction }: { viewer: Viewer; signOutAction?: () => Promise<void> }) {
  return (
    <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-indigo-700 focus:px-3 focus:py-2 focus:text-white"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-slate-900 dark:text-white">
          <GraduationCap aria-hidden="true" className="h-6 w-6 text-indigo-700 dark:text-indigo-300" />
          BudhHub
        </Link>
        <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
          <ul className="flex flex-wrap items-center gap-1">
            {visibleNavItems(viewer).map((item) => (
              <li key={item.href}>
                <Link href={item.href} className={linkClass}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {viewer ? (
            <>
              <NotificationBell />
              <Link href="/profile" className={`${linkClass} hidden sm:inline`}>
                {viewer.name ?? viewer.email}
              </Link>
              {signOutAction && (
                <form action={signOutAction}>
                  <button type="submit" className={`${linkClass} flex items-center gap-1`}>
                    <LogOut aria-hidden="true" className="h-4 w-4" />
                    Sign out
                  </button>
                </form>
              )}
            </>
          ) : (
            <Link href="/signin" className={`${linkClass} flex items-center gap-1`}>
              <LogIn aria-hidden="true" className="h-4 w-4" />
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
