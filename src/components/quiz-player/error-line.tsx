/** A refusal or failure of the quiz's requests, read out as it appears; nothing when there is none. */
export function ErrorLine({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="text-red-800 dark:text-red-300">
      {message}
    </p>
  );
}
