/// <reference types="office-js" />
// Takes the user to a cell named in a problem: activates its sheet and selects it.

import { splitAddress } from "../sheet/address";

export async function selectCell(context: Excel.RequestContext, address: string): Promise<void> {
  const { sheet, ref } = splitAddress(address);
  const ws =
    sheet === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(ref).select();
  await context.sync();
}
