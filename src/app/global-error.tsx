"use client";

/** Last resort when the root layout itself fails: plain markup, no app shell. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <main>
          <h1>Something went wrong</h1>
          <p>Please reload the page.{error.digest ? ` Reference: ${error.digest}` : ""}</p>
        </main>
      </body>
    </html>
  );
}
