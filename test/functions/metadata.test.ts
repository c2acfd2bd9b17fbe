// functions.json as custom-functions-metadata generates it from the JSDoc (what the webpack plugin emits): no
// errors, and each function's parameters are ranges with help text. A type alias or an arrow function would
// silently drop a function or fail here.

import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

test("metadata generates without errors for the nine functions", async () => {
  const { metadataJson, errors } = await generateCustomFunctionsMetadata(
    [join(__dirname, "..", "..", "src", "functions", "functions.ts")],
    true,
  );
  expect(errors).toEqual([]);
  const { functions } = JSON.parse(metadataJson) as {
    functions: { id: string; parameters: { name: string; dimensionality?: string; description?: string }[] }[];
  };
  expect(functions.map((f) => f.id)).toEqual([
    "OPTIMIZE",
    "EVALUATE",
    "BOUND",
    "CHOICE",
    "SUBSTITUTION",
    "FIT",
    "SIMILARITY",
    "CHAIN",
    "SWEEP",
  ]);
  for (const f of functions) {
    expect(f.parameters.map((p) => p.name)).not.toContain("invocation");
    for (const p of f.parameters)
      expect(p).toMatchObject({ dimensionality: "matrix", description: expect.stringMatching(/\w{3}/) });
  }
});
