// The caption (for screen readers) and column headers of an administration table.
import { TH } from './section';

export function TableHead({ caption, columns }: { caption: string; columns: string[] }) {
  return (
    <>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col" className={TH}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}
