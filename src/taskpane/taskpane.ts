/// <reference types="office-js" />
// Task pane entry. The page is also the shared runtime of the custom functions, so it may run with the pane
// hidden; the pane starts once Office says the host is ready. Outside Excel (office.js missing or blocked)
// it says so rather than failing on the first Excel call.

import { makeCollapsible } from "./collapsible";
import { byId } from "./dom";
import { registerFluent } from "./fluent";
import { Pane } from "./pane";
import { followOfficeTheme } from "./theme";

registerFluent();
makeCollapsible("whatif-heading");
makeCollapsible("inputs-heading");
makeCollapsible("parameters-heading");

function outsideExcel(text: string): void {
  byId("host-status").textContent = text;
  byId("check-summary").textContent = "";
}

if (typeof Office === "undefined") {
  outsideExcel("Office.js did not load: open Assort from Excel (Home > Assort), online.");
} else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel || typeof Excel === "undefined") {
      outsideExcel("Assort works in Excel: open it from Excel's Home tab.");
      return;
    }
    followOfficeTheme();
    void new Pane().start();
  });
}
