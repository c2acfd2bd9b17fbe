// The customers section read on its own: cases the whole-instance tests (validate.test.ts) leave out — the
// Poisson floor of the negbin cv at other totals, a cv that is not a number, and a distribution that is not text.

import { readCustomers } from "../../../src/engine/model/validateCustomers";
import { Collector } from "../../../src/engine/model/validateFields";

function read(raw: unknown, totalDemand = 100) {
  const out = new Collector();
  const customers = readCustomers(out, raw, totalDemand);
  return { customers, problems: out.problems };
}

test("the negbin cv must exceed 1/√ΣD: 0.02 for 2,500 customers", () => {
  expect(read({ distribution: "negbin", cv: 0.021 }, 2500)).toEqual({
    customers: { distribution: "negbin", cv: 0.021 },
    problems: [],
  });
  const { problems } = read({ distribution: "negbin", cv: 0.02 }, 2500);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ section: "customers", field: "cv", value: 0.02 });
  expect(problems[0].message).toContain("Poisson's own variability 0.0200 for 2500 expected customers");
});

test("with no demand at all there is no Poisson floor: any cv above 0 is read", () => {
  expect(read({ distribution: "negbin", cv: 0.001 }, 0)).toEqual({
    customers: { distribution: "negbin", cv: 0.001 },
    problems: [],
  });
});

test.each([
  ["text", "30%", "Customers, cv: '30%' is not a number"],
  ["negative", -0.3, "Customers, cv: -0.3"],
])("a negbin cv that is %s names the field and the value", (_name, cv, text) => {
  const { customers, problems } = read({ distribution: "negbin", cv });
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ section: "customers", field: "cv" });
  expect(problems[0].message).toContain(text);
  expect(problems[0].message).toContain("negbin needs a coefficient of variation above 0");
  expect(customers).toEqual({ distribution: "negbin", cv: 0 });
});

test("a distribution that is not text is named as given, and poisson assumed", () => {
  const { customers, problems } = read({ distribution: 3 });
  expect(customers).toEqual({ distribution: "poisson", cv: 0 });
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ section: "customers", field: "distribution", value: 3 });
  expect(problems[0].message).toContain(
    "Customers, distribution: 3 is not a known model; use poisson, fixed or negbin.",
  );
});

test("a blank cv alongside poisson is no cv", () => {
  expect(read({ distribution: "fixed", cv: null })).toEqual({
    customers: { distribution: "fixed", cv: 0 },
    problems: [],
  });
});
