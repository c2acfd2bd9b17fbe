/// <reference types="office-js" />
// "Use selection": the address of what the user selected, to become one of the inputs.

export async function selectedAddress(context: Excel.RequestContext): Promise<string> {
  const range = context.workbook.getSelectedRange();
  range.load("address");
  await context.sync();
  return range.address;
}
