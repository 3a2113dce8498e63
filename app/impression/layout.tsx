// Print pages: A4, no navigation, no JavaScript needed. Reached only by the PDF service.
export default function ImpressionLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="impression mx-auto max-w-[190mm] bg-white p-0 text-[11pt]">{children}</main>
  );
}
