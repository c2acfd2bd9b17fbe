// A test double of the Office host for the task pane in a real browser: an in-memory workbook behind the part
// of Office.js the pane uses (Excel.run, worksheets, ranges, tables, names, charts, settings, selection).
// Injected before the page's scripts run, so the real bundles meet it instead of office.js. Like Excel, it
// refuses a values array whose shape does not match its range, an unknown sheet, and a duplicate table name;
// unlike Excel it applies writes at once and load() is a no-op (the office-addin-mock unit tests check load
// and sync discipline). window.__fakeExcel lets the test look inside.
/* global window, setTimeout */
(() => {
  const letters = (col) => {
    let s = "";
    for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    return s;
  };
  const colNumber = (s) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const quote = (name) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
  const MAX_ROWS = 1048576;
  const MAX_COLS = 16384;

  function parseRef(ref) {
    const r = ref.replace(/\$/g, "").trim();
    let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(r);
    if (m) {
      const c1 = colNumber(m[1]),
        r1 = Number(m[2]) - 1;
      const c2 = m[3] ? colNumber(m[3]) : c1,
        r2 = m[4] ? Number(m[4]) - 1 : r1;
      return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
    }
    m = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(r);
    if (m) return { row: 0, col: colNumber(m[1]), rows: MAX_ROWS, cols: colNumber(m[2]) - colNumber(m[1]) + 1 };
    throw new Error(`InvalidArgument: '${ref}' is not a range address`);
  }

  const state = {
    sheets: [],
    tables: [],
    names: new Map(),
    settings: new Map(),
    selection: null,
    active: null,
    changeHandlers: [],
    calls: [],
    reads: 0, // value reads, to see when the pane re-reads its inputs
    visibilityHandlers: [],
    nextSheetId: 1,
  };

  const nullObject = () => ({
    isNullObject: true,
    load() {
      return this;
    },
  });
  const isEmpty = (v) => v === "" || v === null || v === undefined;

  class Sheet {
    constructor(name) {
      this.name = name;
      this.id = `{sheet-${state.nextSheetId++}}`;
      this.cells = new Map(); // "r,c" → { value, numberFormat, color, bold }
      this.charts = [];
      this.columnWidths = new Map();
      this.conditionalFormats = []; // { address, type, format }
      this.frozen = null;
      this.printTitleRows = null;
      this.pageLayout = { orientation: "Portrait", zoom: {} };
    }
    cell(r, c, create) {
      const k = `${r},${c}`;
      let x = this.cells.get(k);
      if (!x && create) this.cells.set(k, (x = { value: "", numberFormat: "General", color: null, bold: false }));
      return x;
    }
  }

  function formatOf(range) {
    return {
      font: {
        set color(v) {
          range.each((c) => (c.color = v));
        },
        get color() {
          return range.sheet.cell(range.row, range.col, true).color;
        },
        set bold(v) {
          range.each((c) => (c.bold = v));
        },
        set italic(v) {
          range.each((c) => (c.italic = v));
        },
      },
      set columnWidth(v) {
        for (let c = 0; c < range.cols; c++) range.sheet.columnWidths.set(range.col + c, v);
      },
      autofitColumns() {
        state.calls.push("autofitColumns");
      },
    };
  }

  class Range {
    constructor(sheet, row, col, rows, cols) {
      Object.assign(this, { sheet, row, col, rows, cols, isNullObject: false });
      this.format = formatOf(this);
      this.conditionalFormats = {
        add: (type) => {
          const format = { type, dataBar: { positiveFormat: {} }, colorScale: {} };
          sheet.conditionalFormats.push({ address: this.address, type, format });
          return format;
        },
        clearAll: () => {
          sheet.conditionalFormats = sheet.conditionalFormats.filter(
            (f) => !overlaps(parseRef(f.address.slice(f.address.lastIndexOf("!") + 1)), this),
          );
        },
      };
    }
    load() {
      return this;
    }
    each(f) {
      for (let r = 0; r < this.rows; r++)
        for (let c = 0; c < this.cols; c++) f(this.sheet.cell(this.row + r, this.col + c, true), r, c);
    }
    get address() {
      const first = `${letters(this.col)}${this.row + 1}`;
      const whole = this.rows === MAX_ROWS;
      const ref = whole
        ? `${letters(this.col)}:${letters(this.col + this.cols - 1)}`
        : this.rows === 1 && this.cols === 1
          ? first
          : `${first}:${letters(this.col + this.cols - 1)}${this.row + this.rows}`;
      return `${quote(this.sheet.name)}!${ref}`;
    }
    get rowIndex() {
      return this.row;
    }
    get columnIndex() {
      return this.col;
    }
    get rowCount() {
      return this.rows;
    }
    get columnCount() {
      return this.cols;
    }
    grid(f) {
      if (this.rows * this.cols > 5e6) throw new Error("ResponsePayloadSizeLimitExceeded");
      return Array.from({ length: this.rows }, (_, r) =>
        Array.from({ length: this.cols }, (_, c) => f(this.sheet.cell(this.row + r, this.col + c, false))),
      );
    }
    get values() {
      state.reads++;
      return this.grid((x) => (x ? x.value : ""));
    }
    get numberFormat() {
      return this.grid((x) => (x ? x.numberFormat : "General"));
    }
    setGrid(v, key) {
      if (
        !Array.isArray(v) ||
        v.length !== this.rows ||
        v.some((row) => !Array.isArray(row) || row.length !== this.cols)
      ) {
        throw new Error(`InvalidArgument: the ${key} array does not match the size of ${this.address}`);
      }
      const field = key === "values" ? "value" : key;
      this.each((x, r, c) => (x[field] = v[r][c] === null ? "" : v[r][c]));
      // As Excel reports it: the cells without the sheet, and the sheet by id.
      const event = { address: this.address.slice(this.address.lastIndexOf("!") + 1), worksheetId: this.sheet.id };
      if (key === "values") for (const h of state.changeHandlers) setTimeout(() => h(event), 0);
    }
    set values(v) {
      this.setGrid(v, "values");
    }
    set numberFormat(v) {
      this.setGrid(v, "numberFormat");
    }
    clear() {
      this.each((x) => Object.assign(x, { value: "", numberFormat: "General", color: null, bold: false }));
    }
    select() {
      state.selection = this;
      state.active = this.sheet;
    }
    getUsedRangeOrNullObject() {
      let r0 = Infinity,
        c0 = Infinity,
        r1 = -1,
        c1 = -1;
      for (const [k, x] of this.sheet.cells) {
        if (isEmpty(x.value)) continue;
        const [r, c] = k.split(",").map(Number);
        if (r < this.row || r >= this.row + this.rows || c < this.col || c >= this.col + this.cols) continue;
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      }
      return r1 < 0 ? nullObject() : new Range(this.sheet, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
    }
  }

  function sheetByName(name) {
    return state.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
  }

  class Table {
    constructor(sheet, range) {
      this.sheet = sheet;
      this.range = range;
      this.tableName = `Table${state.tables.length + 1}`;
      this.style = "TableStyleMedium2";
      this.isNullObject = false;
    }
    load() {
      return this;
    }
    get name() {
      return this.tableName;
    }
    set name(v) {
      if (state.tables.some((t) => t !== this && t.tableName.toLowerCase() === String(v).toLowerCase()))
        throw new Error(`InvalidArgument: a table named ${v} already exists`);
      this.tableName = v;
    }
    getRange() {
      return this.range;
    }
    getHeaderRowRange() {
      return new Range(this.sheet, this.range.row, this.range.col, 1, this.range.cols);
    }
    getDataBodyRange() {
      return new Range(this.sheet, this.range.row + 1, this.range.col, this.range.rows - 1, this.range.cols);
    }
    delete() {
      this.range.clear();
      state.tables.splice(state.tables.indexOf(this), 1);
    }
  }

  class Chart {
    constructor(sheet, type, source, seriesBy) {
      Object.assign(this, {
        sheet,
        type,
        source: source.address,
        seriesBy,
        name: `Chart ${sheet.charts.length + 1}`,
        isNullObject: false,
      });
      this.title = { text: "" };
      this.categories = null;
      this.axes = {
        categoryAxis: { title: { text: "" }, setCategoryNames: (range) => (this.categories = range.address) },
        valueAxis: { title: { text: "" } },
      };
      this.position = null;
    }
    load() {
      return this;
    }
    setPosition(start, end) {
      this.position = [start, end];
    }
    delete() {
      this.sheet.charts.splice(this.sheet.charts.indexOf(this), 1);
    }
  }

  class Worksheet {
    constructor(sheet) {
      this.sheet = sheet;
      this.isNullObject = false;
      this.tables = {
        add: (ref, hasHeaders) => {
          // As in Excel: an address without a sheet means the active sheet, not this one.
          const bang = String(ref).lastIndexOf("!");
          const named =
            bang < 0
              ? null
              : String(ref)
                  .slice(0, bang)
                  .replace(/^'(.*)'$/, "$1")
                  .replace(/''/g, "'");
          const target = named === null ? state.active : sheetByName(named);
          if (!target) throw new Error(`ItemNotFound: ${ref}`);
          const p = parseRef(String(ref).slice(bang + 1));
          const range = new Range(target, p.row, p.col, p.rows, p.cols);
          if (state.tables.some((t) => t.sheet === target && overlaps(t.range, range)))
            throw new Error("InvalidArgument: tables cannot overlap");
          if (!hasHeaders) throw new Error("the fake host only makes tables with headers");
          const t = new Table(target, range);
          state.tables.push(t);
          return t;
        },
        getItemOrNullObject: (name) =>
          state.tables.find((t) => t.sheet === sheet && t.tableName.toLowerCase() === name.toLowerCase()) ??
          nullObject(),
      };
      this.charts = {
        add: (type, source, seriesBy) => {
          const c = new Chart(sheet, type, source, seriesBy);
          sheet.charts.push(c);
          return c;
        },
        getItemOrNullObject: (name) => sheet.charts.find((c) => c.name === name) ?? nullObject(),
      };
    }
    get name() {
      return this.sheet.name;
    }
    get freezePanes() {
      return { freezeAt: (range) => (this.sheet.frozen = range.address) };
    }
    get pageLayout() {
      const layout = this.sheet.pageLayout;
      return Object.assign(layout, { setPrintTitleRows: (rows) => (this.sheet.printTitleRows = rows) });
    }
    get id() {
      return this.sheet.id;
    }
    load() {
      return this;
    }
    getRange(ref) {
      const p = parseRef(ref ?? "A1");
      return new Range(this.sheet, p.row, p.col, p.rows, p.cols);
    }
    getRangeByIndexes(row, col, rows, cols) {
      if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS)
        throw new Error("InvalidArgument: getRangeByIndexes");
      return new Range(this.sheet, row, col, rows, cols);
    }
    getUsedRangeOrNullObject() {
      return new Range(this.sheet, 0, 0, MAX_ROWS, MAX_COLS).getUsedRangeOrNullObject();
    }
    activate() {
      state.active = this.sheet;
    }
  }

  function overlaps(a, b) {
    return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
  }

  const workbook = {
    worksheets: {
      get items() {
        return state.sheets.map((s) => new Worksheet(s));
      },
      load() {
        return this;
      },
      getItem(name) {
        const s = sheetByName(name) ?? state.sheets.find((x) => x.id === name);
        if (!s) throw new Error(`ItemNotFound: no sheet ${name}`);
        return new Worksheet(s);
      },
      getItemOrNullObject(name) {
        const s = sheetByName(name);
        return s ? new Worksheet(s) : nullObject();
      },
      add(name) {
        if (sheetByName(name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
        const s = new Sheet(name);
        state.sheets.push(s);
        return new Worksheet(s);
      },
      getActiveWorksheet() {
        return new Worksheet(state.active ?? state.sheets[0]);
      },
      onChanged: {
        add(h) {
          state.changeHandlers.push(h);
          return { remove() {} };
        },
      },
    },
    tables: {
      getItemOrNullObject: (name) =>
        state.tables.find((t) => t.tableName.toLowerCase() === String(name).toLowerCase()) ?? nullObject(),
    },
    names: {
      getItemOrNullObject(name) {
        const n = state.names.get(String(name).toLowerCase());
        if (!n) return nullObject();
        return {
          isNullObject: false,
          type: "Range",
          load() {
            return this;
          },
          getRange: () => new Worksheet(sheetByName(n.sheet)).getRange(n.ref),
        };
      },
    },
    settings: {
      add(key, value) {
        state.settings.set(key, value);
      },
      getItemOrNullObject(key) {
        return state.settings.has(key)
          ? {
              isNullObject: false,
              key,
              value: state.settings.get(key),
              load() {
                return this;
              },
            }
          : nullObject();
      },
    },
    getSelectedRange() {
      if (!state.selection) return new Worksheet(state.active ?? state.sheets[0]).getRange("A1");
      return state.selection;
    },
  };

  const context = {
    workbook,
    // Writes are already applied; a macrotask keeps sync asynchronous, as in Excel.
    sync: () => new Promise((resolve) => setTimeout(resolve, 0)),
  };

  state.sheets.push(new Sheet("Sheet1"));
  state.active = state.sheets[0];
  // A workbook as saved by an earlier session (sheets of values and the add-in's settings), when the test
  // gives one: what a colleague opening the shared file would have.
  const saved = window.__fakeExcelSeed;
  if (saved) {
    for (const [name, values] of Object.entries(saved.sheets ?? {})) {
      let sheet = sheetByName(name);
      if (!sheet) state.sheets.push((sheet = new Sheet(name)));
      values.forEach((row, r) => row.forEach((v, c) => (sheet.cell(r, c, true).value = v)));
    }
    for (const [key, value] of Object.entries(saved.settings ?? {})) state.settings.set(key, value);
  }

  window.Excel = { run: async (batch) => batch(context) };
  window.Office = {
    HostType: { Excel: "Excel" },
    // The theme the test gives (Office.context.officeTheme), else none, as on hosts without it.
    context: { officeTheme: saved?.theme },
    addin: {
      onVisibilityModeChanged(handler) {
        state.visibilityHandlers.push(handler);
        return Promise.resolve(() => Promise.resolve());
      },
    },
    onReady(callback) {
      const info = { host: "Excel", platform: "OfficeOnline" };
      return new Promise((resolve) =>
        setTimeout(() => {
          if (callback) callback(info);
          resolve(info);
        }, 0),
      );
    },
  };
  // The functions bundle shares the page and registers the custom functions at load.
  window.CustomFunctions = {
    associate(id) {
      state.calls.push(`associate ${id}`);
    },
    Error: class extends Error {
      constructor(code, message) {
        super(message);
        this.code = code;
      }
    },
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    },
  };

  // What the test reads and does (as a user would in Excel).
  window.__fakeExcel = {
    sheetNames: () => state.sheets.map((s) => s.name),
    reads: () => state.reads,
    setVisibility: (mode) => state.visibilityHandlers.forEach((h) => h({ visibilityMode: mode })),
    values: (sheet, ref) => new Worksheet(sheetByName(sheet)).getRange(ref).values,
    cell: (sheet, ref) => {
      const p = parseRef(ref);
      const x = sheetByName(sheet).cell(p.row, p.col, false);
      return x ? { ...x } : null;
    },
    setValues: (sheet, ref, values) => {
      const s = sheetByName(sheet) ?? (state.sheets.push(new Sheet(sheet)), sheetByName(sheet));
      new Worksheet(s).getRange(ref).values = values;
    },
    select: (sheet, ref) => new Worksheet(sheetByName(sheet)).getRange(ref).select(),
    table: (name) => {
      const t = state.tables.find((x) => x.tableName === name);
      return t
        ? {
            sheet: t.sheet.name,
            address: t.range.address,
            style: t.style,
            values: t.range.values,
            numberFormat: t.getDataBodyRange().numberFormat,
          }
        : null;
    },
    charts: (sheet) =>
      sheetByName(sheet)?.charts.map((c) => ({
        name: c.name,
        type: c.type,
        source: c.source,
        seriesBy: c.seriesBy,
        title: c.title.text,
        categories: c.categories,
        axisTitles: [c.axes.categoryAxis.title.text, c.axes.valueAxis.title.text],
        position: c.position,
      })) ?? [],
    layout: (sheet) => {
      const s = sheetByName(sheet);
      return {
        frozen: s.frozen,
        printTitleRows: s.printTitleRows,
        orientation: s.pageLayout.orientation,
        zoom: s.pageLayout.zoom,
        conditionalFormats: s.conditionalFormats.map((f) => ({ address: f.address, type: f.type })),
        columnWidths: Object.fromEntries(s.columnWidths),
      };
    },
    settings: () => Object.fromEntries(state.settings),
    selection: () => (state.selection ? state.selection.address : null),
    calls: () => [...state.calls],
  };
})();
