// An office-addin-mock workbook for the src/excel unit tests (docs/office.md §4.1): sheets of cell values, tables,
// names and settings, seeded so that every proxy src/excel asks for is an OfficeMockObject in the context's
// tree. Reading a property without load() and context.sync() gives the mock's error string instead of the
// value, so these tests also check that the code loads and syncs before it reads. Ranges are made on first
// use and kept by address, so what the code wrote can be read back from the same proxy.
/// <reference types="office-js" />

import { OfficeMockObject } from "office-addin-mock";
import { blockRef, parseBlock, sheetPrefix } from "../../src/sheet/address";

export interface MockBook {
  sheets: Record<string, unknown[][]>;
  tables?: Record<string, { sheet: string; ref: string; showTotals?: boolean }>;
  names?: Record<string, { sheet: string; ref: string; type?: string }>;
  settings?: Record<string, string>;
  selection?: { sheet: string; ref: string };
}

/** What the code did, for assertions. */
export interface MockLog {
  sheetsAdded: string[];
  tablesAdded: { sheet: string; ref: string; table: MockNode }[];
  tablesDeleted: string[];
  charts: { sheet: string; type: string; source: string; seriesBy: string; chart: MockNode }[];
  /** Category ranges given to charts (setCategoryNames), by the chart's index in charts. */
  chartCategories: Record<number, string>;
  /** Conditional formats added: the range's address, the type and the format object (to read back). */
  conditionalFormats: { address: string; type: string; format: MockNode }[];
  /** Per sheet: the frozen range, the print title rows and the page layout proxy. */
  frozen: Record<string, string>;
  printTitleRows: Record<string, string>;
  /** Ranges handed out, by full address. */
  ranges: Map<string, MockNode>;
  /** Number of value reads synced, by full address. */
  selected: string[];
  settings: Record<string, string>;
}

/** A mock proxy: any property, plus the mock's own methods. */
export type MockNode = Record<string, unknown> & {
  addMock(name: string): void;
  populate(data: object): void;
  load(p?: string): unknown;
};

type Seed = Record<string, unknown>;

/** Everything src/excel loads from a null object. */
const NULL_OBJECT: Seed = {
  isNullObject: true,
  name: "",
  type: "",
  showTotals: false,
  value: "",
  address: "",
  rowIndex: 0,
  columnIndex: 0,
  rowCount: 0,
  columnCount: 0,
};

/** The address of each range proxy handed out (read without load, for the log). */
const addressOf = new WeakMap<object, string>();

function child(node: MockNode, key: string, data: Seed): MockNode {
  if (node[key] === undefined) {
    node.addMock(key);
    (node[key] as unknown as MockNode).populate(data);
  }
  return node[key] as MockNode;
}

export function mockExcel(book: MockBook): { context: Excel.RequestContext; log: MockLog } {
  const log: MockLog = {
    sheetsAdded: [],
    tablesAdded: [],
    tablesDeleted: [],
    charts: [],
    chartCategories: {},
    conditionalFormats: [],
    frozen: {},
    printTitleRows: {},
    ranges: new Map(),
    selected: [],
    settings: { ...(book.settings ?? {}) },
  };
  const tables = { ...(book.tables ?? {}) };
  const names = book.names ?? {};
  const cellsOf = (sheet: string) => (book.sheets[sheet] ??= []);

  function rangeSeed(sheet: string, row: number, column: number, rows: number, columns: number): Seed {
    const grid = cellsOf(sheet);
    // Whole sheets and columns are only ever asked for their used part: no values to hold.
    const values =
      rows * columns > 1e6
        ? []
        : Array.from({ length: rows }, (_, r) =>
            Array.from({ length: columns }, (_, c) => grid[row + r]?.[column + c] ?? ""),
          );
    return {
      address: sheetPrefix(sheet) + blockRef(row, column, rows, columns),
      rowIndex: row,
      columnIndex: column,
      rowCount: rows,
      columnCount: columns,
      isNullObject: false,
      values,
      numberFormat: values.map((r) => r.map(() => "General")),
      format: { font: { color: "", bold: false, italic: false }, columnWidth: 0, autofitColumns() {} },
      conditionalFormats: {
        add(this: MockNode, type: string) {
          const format = child(this, `format ${log.conditionalFormats.length}`, {
            type,
            dataBar: { positiveFormat: { fillColor: "" } },
            colorScale: { criteria: "" },
          });
          log.conditionalFormats.push({
            address: sheetPrefix(sheet) + blockRef(row, column, rows, columns),
            type,
            format,
          });
          return format;
        },
        clearAll() {},
      },
      clear() {},
      getResizedRange(this: MockNode, deltaRows: number, deltaColumns: number) {
        return range(this, sheet, row, column, rows + deltaRows, columns + deltaColumns);
      },
      select() {
        log.selected.push(sheetPrefix(sheet) + blockRef(row, column, rows, columns));
      },
      getUsedRangeOrNullObject(this: MockNode) {
        let r0 = Infinity,
          c0 = Infinity,
          r1 = -1,
          c1 = -1;
        grid.forEach((line, r) =>
          line.forEach((v, c) => {
            if (v === "" || v === null || v === undefined) return;
            if (r < row || r >= row + rows || c < column || c >= column + columns) return;
            r0 = Math.min(r0, r);
            c0 = Math.min(c0, c);
            r1 = Math.max(r1, r);
            c1 = Math.max(c1, c);
          }),
        );
        if (r1 < 0) return child(this, "used", NULL_OBJECT);
        return child(this, "used", rangeSeed(sheet, r0, c0, r1 - r0 + 1, c1 - c0 + 1));
      },
    };
  }

  function range(node: MockNode, sheet: string, row: number, column: number, rows: number, columns: number): MockNode {
    const address = sheetPrefix(sheet) + blockRef(row, column, rows, columns);
    const r = child(node, `range ${address}`, rangeSeed(sheet, row, column, rows, columns));
    log.ranges.set(address, r);
    addressOf.set(r, address);
    return r;
  }

  function tableSeed(name: string): Seed {
    const t = tables[name];
    return {
      isNullObject: false,
      name,
      style: "",
      showTotals: t.showTotals === true,
      getRange(this: MockNode) {
        const b = parseBlock(t.ref);
        if (!b) throw new Error(`bad table ref ${t.ref}`);
        return range(this, t.sheet, b.row, b.column, b.rows, b.columns);
      },
      delete() {
        log.tablesDeleted.push(name);
      },
    };
  }

  function sheetSeed(name: string): Seed {
    return {
      name,
      isNullObject: false,
      getRange(this: MockNode, ref = "A1") {
        const b = parseBlock(ref);
        if (b) return range(this, name, b.row, b.column, b.rows, b.columns);
        const col = /^([A-Z]+):([A-Z]+)$/.exec(ref);
        if (!col) throw new Error(`the mock takes blocks and whole columns, not ${ref}`);
        const c = (parseBlock(`${col[1]}1`) as { column: number }).column;
        const c2 = (parseBlock(`${col[2]}1`) as { column: number }).column;
        return range(this, name, 0, c, 1048576, c2 - c + 1);
      },
      getRangeByIndexes(this: MockNode, row: number, column: number, rows: number, columns: number) {
        return range(this, name, row, column, rows, columns);
      },
      getUsedRangeOrNullObject(this: MockNode) {
        return (range(this, name, 0, 0, 1048576, 16384).getUsedRangeOrNullObject as () => MockNode)();
      },
      activate() {},
      freezePanes: {
        freezeAt(frozen: MockNode) {
          log.frozen[name] = addressOf.get(frozen) ?? "?";
        },
      },
      pageLayout: {
        orientation: "Portrait",
        zoom: "",
        setPrintTitleRows(rows: string) {
          log.printTitleRows[name] = rows;
        },
      },
      tables: {
        add(this: MockNode, ref: string) {
          const table = child(this, `table ${ref}`, { name: "", style: "" });
          log.tablesAdded.push({ sheet: name, ref, table });
          return table;
        },
        getItemOrNullObject(this: MockNode, t: string) {
          return tables[t]?.sheet === name
            ? child(this, `table ${t}`, tableSeed(t))
            : child(this, "missing", NULL_OBJECT);
        },
      },
      charts: {
        add(this: MockNode, type: string, source: MockNode, seriesBy: string) {
          const index = log.charts.length;
          const chart = child(this, `chart ${index}`, {
            name: "",
            title: { text: "" },
            setPosition() {},
            axes: {
              categoryAxis: {
                title: { text: "" },
                setCategoryNames(r: MockNode) {
                  log.chartCategories[index] = addressOf.get(r) ?? "?";
                },
              },
              valueAxis: { title: { text: "" } },
            },
          });
          log.charts.push({ sheet: name, type, source: addressOf.get(source) ?? "?", seriesBy, chart });
          return chart;
        },
        getItemOrNullObject(this: MockNode) {
          return child(this, "missing", NULL_OBJECT);
        },
      },
    };
  }

  const seed = {
    context: {
      workbook: {
        worksheets: {
          getItemOrNullObject(this: MockNode, name: string) {
            return name in book.sheets
              ? child(this, `sheet ${name}`, sheetSeed(name))
              : child(this, `missing ${name}`, NULL_OBJECT);
          },
          getItem(this: MockNode, name: string) {
            if (!(name in book.sheets)) throw new Error(`ItemNotFound: ${name}`);
            return child(this, `sheet ${name}`, sheetSeed(name));
          },
          add(this: MockNode, name: string) {
            if (name in book.sheets) throw new Error(`ItemAlreadyExists: ${name}`);
            book.sheets[name] = [];
            log.sheetsAdded.push(name);
            return child(this, `sheet ${name}`, sheetSeed(name));
          },
        },
        tables: {
          getItemOrNullObject(this: MockNode, name: string) {
            return name in tables ? child(this, `table ${name}`, tableSeed(name)) : child(this, "missing", NULL_OBJECT);
          },
        },
        names: {
          getItemOrNullObject(this: MockNode, name: string) {
            const n = names[name];
            if (!n) return child(this, "missing", NULL_OBJECT);
            return child(this, `name ${name}`, {
              isNullObject: false,
              type: n.type ?? "Range",
              getRange(this: MockNode) {
                const b = parseBlock(n.ref) as { row: number; column: number; rows: number; columns: number };
                return range(this, n.sheet, b.row, b.column, b.rows, b.columns);
              },
            });
          },
        },
        settings: {
          add(key: string, value: string) {
            log.settings[key] = value;
          },
          getItemOrNullObject(this: MockNode, key: string) {
            // Read fresh each time: a setting added earlier in the test must be seen.
            const k = `setting ${key} ${Object.keys(log.settings).length} ${log.settings[key]?.length ?? -1}`;
            return key in log.settings
              ? child(this, k, { isNullObject: false, value: log.settings[key] })
              : child(this, k, NULL_OBJECT);
          },
        },
        getSelectedRange(this: MockNode) {
          const s = book.selection as { sheet: string; ref: string };
          const b = parseBlock(s.ref) as { row: number; column: number; rows: number; columns: number };
          return range(this, s.sheet, b.row, b.column, b.rows, b.columns);
        },
      },
    },
  };
  const mock = new OfficeMockObject(seed) as unknown as { context: Excel.RequestContext };
  return { context: mock.context, log };
}
