import { tableStyles } from "./table-styles";

export type ColumnHead = string | { label: string; numeric?: boolean };

/** A table's header row: one `<th scope="col">` per column; numeric columns are right-aligned. False leaves a column out. */
export function ColumnHeads({ columns }: { columns: (ColumnHead | false)[] }) {
  return (
    <thead>
      <tr>
        {columns.flatMap((column) => {
          if (column === false) return [];
          const { label, numeric } = typeof column === "string" ? { label: column, numeric: false } : column;
          return [
            <th key={label} scope="col" className={numeric ? `${tableStyles.th} text-right` : tableStyles.th}>
              {label}
            </th>,
          ];
        })}
      </tr>
    </thead>
  );
}
