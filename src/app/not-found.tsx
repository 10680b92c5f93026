import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";

export default function NotFound() {
  return (
    <div className="flex flex-col items-start gap-4 py-12">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="text-slate-700 dark:text-slate-300">The page you asked for does not exist, or you do not have access to it.</p>
      <Link href="/" className={buttonStyles.link}>
        Back to the home page
      </Link>
    </div>
  );
}
