/**
 * A chart's numbers as a table, visually hidden: what a screen reader reads
 * instead of the picture (the chart itself is one named image). The first
 * column heads each row.
 */
export interface DataTableProps {
  caption: string;
  columns: readonly string[];
  /** Already formatted in the page's language. */
  rows: readonly (readonly string[])[];
}

export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c, j) => (
            <th key={j} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
