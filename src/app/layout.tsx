import type { Metadata, Viewport } from "next";
import type { CSSProperties } from "react";
import { connection } from "next/server";
import { Toaster } from "sonner";
import { SiteFooter } from "@/components/layout/site-footer";
import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { signOutAction } from "@/lib/auth/sign-out-action";
import "./globals.css";
import { pageViewer } from "@/app/_http/page-viewer";

/**
 * Sonner's rich-colour texts are below WCAG AA on their light backgrounds (success about 4.4:1, info and warning
 * lower; axe flags a success toast). Darker shades of the same hues, about 6:1 and more.
 */
const toastContrast = {
  "--success-text": "hsl(140, 100%, 20%)",
  "--info-text": "hsl(210, 92%, 32%)",
  "--warning-text": "hsl(31, 92%, 25%)",
} as CSSProperties;

export const metadata: Metadata = {
  title: { default: "BudhHub", template: "%s · BudhHub" },
  description: "Learn and teach online with BudhHub, an open-source learning platform you run yourself.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page carries a per-request CSP nonce (src/proxy.ts), which only works when it is rendered per request.
  await connection();
  const viewer = await pageViewer();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <SiteHeader viewer={viewer} signOutAction={signOutAction} />
        {viewer && !viewer.emailVerified && <VerifyEmailBanner email={viewer.email} />}
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
        <Toaster richColors closeButton style={toastContrast} />
      </body>
    </html>
  );
}
