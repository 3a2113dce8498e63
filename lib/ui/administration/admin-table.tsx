// An administration table: its caption and column headers, in a box that scrolls sideways
// when the table is wider than the screen (a 390 px phone) — the page itself never does. The
// box is named by the caption and takes the keyboard's focus, so that it scrolls without a
// pointer (axe: scrollable-region-focusable). `relative`: the buttons' screen-reader words
// (sr-only, positioned absolutely) stay inside the box instead of widening the page.
import { TABLE } from './section';
import { TableHead } from './table-head';

export function AdminTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: string[];
  /** The table's body. */
  children: React.ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="relative mt-2 overflow-x-auto focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-800"
    >
      <table className={TABLE}>
        <TableHead caption={caption} columns={columns} />
        {children}
      </table>
    </div>
  );
}
