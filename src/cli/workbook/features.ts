// What a workbook holds that exceljs does not carry over when it rewrites the file (charts, pivot tables,
// macros, slicers...), found by comparing the parts inside the input and output archives. The output is a
// new file and the input is never touched, but a user must be told that the copy lacks them.

interface Feature {
  part: RegExp;
  one: string;
  many: string;
}

const FEATURES: Feature[] = [
  { part: /^xl\/charts\/chart\d*\.xml$/, one: "chart", many: "charts" },
  { part: /^xl\/chartsheets\/sheet\d*\.xml$/, one: "chart sheet", many: "chart sheets" },
  { part: /^xl\/pivotTables\/pivotTable\d*\.xml$/, one: "pivot table", many: "pivot tables" },
  { part: /^xl\/vbaProject\.bin$/, one: "set of macros (VBA)", many: "sets of macros" },
  { part: /^xl\/slicers\/slicer\d*\.xml$/, one: "slicer", many: "slicers" },
  { part: /^xl\/timelines\/timeline\d*\.xml$/, one: "timeline", many: "timelines" },
  {
    part: /^xl\/externalLinks\/externalLink\d*\.xml$/,
    one: "link to another workbook",
    many: "links to other workbooks",
  },
  {
    part: /^xl\/threadedComments\/threadedComment\d*\.xml$/,
    one: "sheet of threaded comments",
    many: "sheets of threaded comments",
  },
  {
    part: /^xl\/drawings\/drawing\d*\.xml$/,
    one: "drawing layer (shapes, text boxes, pictures)",
    many: "drawing layers (shapes, text boxes, pictures)",
  },
  { part: /^xl\/media\/[^/]+$/, one: "picture", many: "pictures" },
  { part: /^xl\/connections\.xml$/, one: "set of data connections", many: "sets of data connections" },
  { part: /^xl\/queryTables\/queryTable\d*\.xml$/, one: "query table", many: "query tables" },
  { part: /^xl\/model\/[^/]+$/, one: "data model", many: "data model parts" },
  { part: /^xl\/ctrlProps\/[^/]+$/, one: "form control", many: "form controls" },
  { part: /^xl\/activeX\/[^/]+\.xml$/, one: "ActiveX control", many: "ActiveX controls" },
  { part: /^xl\/embeddings\/[^/]+$/, one: "embedded object", many: "embedded objects" },
  {
    part: /^xl\/webextensions\/webextension\d*\.xml$/,
    one: "add-in's saved settings (the task pane's input ranges, parameters and scenarios, which assort plan does not use either)",
    many: "add-ins' saved settings (the task pane's input ranges, parameters and scenarios, which assort plan does not use either)",
  },
  { part: /^customXml\/item\d*\.xml$/, one: "custom XML part", many: "custom XML parts" },
];

function count(parts: readonly string[], f: Feature): number {
  return parts.filter((p) => f.part.test(p)).length;
}

/** "2 charts", "1 pivot table": what the input has and the output lacks. */
export function lostFeatures(input: readonly string[], output: readonly string[]): string[] {
  const lost: string[] = [];
  for (const f of FEATURES) {
    const k = count(input, f) - count(output, f);
    if (k > 0) lost.push(`${k} ${k === 1 ? f.one : f.many}`);
  }
  return lost;
}
