// Stands in for the "server-only" package outside Next.js (Vitest, scripts): the real one only throws in client bundles.
export {};
