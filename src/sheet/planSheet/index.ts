// The plan sheet's public API: build the sheet as data (buildPlanSheet), the user's extra Products columns it
// carries (readProductExtras), the table-naming rule, and the shapes the writers render.

export * from "./sheetSpec";
export * from "./tableName";
export * from "./productExtras";
export * from "./planColumns";
export * from "./kpiBlock";
export * from "./rulesBlock";
export * from "./stampBlock";
export * from "./columnWidths";
export * from "./reportShapes";
export * from "./planSheet";
