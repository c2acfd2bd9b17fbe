// The top of a planned copy's plan sheet as a workbook of its own, for a picture of it: the first rows, the
// table's columns only (not the stamp), the table, styles, widths and conditional formats kept, one page wide.
// Used by scripts/render-plan-sheet.sh:  npx tsx scripts/planSheetTop.ts planned.xlsx top.xlsx [rows]

import { Workbook } from "exceljs";

async function main(): Promise<void> {
  const [input, output, rowsText = "45"] = process.argv.slice(2);
  if (!input || !output) throw new Error("usage: npx tsx scripts/planSheetTop.ts planned.xlsx top.xlsx [rows]");
  const rows = Number(rowsText);
  const wb = new Workbook();
  await wb.xlsx.readFile(input);
  const ws = wb.getWorksheet("Assort plan");
  if (!ws) throw new Error(`${input} has no 'Assort plan' sheet`);
  const t = (ws.getTables() as unknown as { table: { tableRef: string; columns: { name: string }[] } }[])[0].table;
  const cols = t.columns.length;
  const top = Number((/\d+/.exec(t.tableRef) as RegExpExecArray)[0]);
  const out = new Workbook();
  const o = out.addWorksheet("Assort plan");
  for (let c = 1; c <= cols; c++) o.getColumn(c).width = ws.getColumn(c).width;
  const body: unknown[][] = [];
  for (let r = top + 1; r <= rows; r++) body.push(Array.from({ length: cols }, (_, c) => ws.getCell(r, c + 1).value));
  o.addTable({
    name: "AssortPlan",
    ref: `A${top}`,
    headerRow: true,
    style: { theme: "TableStyleLight1", showRowStripes: true },
    columns: t.columns.map((c) => ({ name: c.name, filterButton: true })),
    rows: body as never,
  });
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= cols; c++) {
      const from = ws.getCell(r, c);
      const to = o.getCell(r, c);
      if (r < top) to.value = from.value;
      to.style = JSON.parse(JSON.stringify(from.style));
    }
  const formats = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
  for (const cf of formats) o.addConditionalFormatting({ ...cf, ref: cf.ref.replace(/\d+$/, String(rows)) } as never);
  o.pageSetup = {
    ...o.pageSetup,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
    margins: { left: 0.2, right: 0.2, top: 0.2, bottom: 0.2, header: 0, footer: 0 },
  };
  out.calcProperties = { fullCalcOnLoad: true };
  await out.xlsx.writeFile(output);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
