// The Excel tables of a worksheet as exceljs loaded them: name and range ("A1:I301").

import type { Worksheet } from "exceljs";

export interface LoadedTable {
  name: string;
  /** Absent for a table exceljs could not place (never for one read from a file Excel wrote). */
  tableRef?: string;
  /** The table ends in a Totals row (Table Design > Total Row). */
  totalsRow?: boolean;
}

export function tablesOf(ws: Worksheet): LoadedTable[] {
  // exceljs types getTables() as tuples, but it returns the Table objects, each holding its model in `table`.
  return (ws.getTables() as unknown as { table: LoadedTable }[]).map((t) => t.table);
}
