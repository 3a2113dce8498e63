// The confirmation a page shows after a post (`?fait=…`): fixed French sentences, so that a
// link cannot make the page say anything else.
export function DoneMessage({
  fait,
  messages,
}: {
  fait: string | null;
  messages: Record<string, string>;
}) {
  const text = fait ? messages[fait] : undefined;
  if (!text) return null;
  const warning = fait === 'introuvable';
  return (
    <p
      role="status"
      className={`mt-4 rounded-md border px-4 py-3 ${
        warning
          ? 'border-amber-300 bg-amber-50 text-amber-900'
          : 'border-green-300 bg-green-50 text-green-900'
      }`}
    >
      {text}
    </p>
  );
}
