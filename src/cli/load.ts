// Loading the inputs of a command: the instance (validated into a Model) and the plan (read against it).
// Engine InputErrors are re-thrown with the file they came from, so messages can say which file to fix.

import { InputError, planFromJson, validateInstance } from "../engine";
import type { Model } from "../engine";
import { InputProblems } from "./errors";
import type { Io } from "./io";
import { readJson } from "./readJson";

export function loadModel(io: Io, path: string): Model {
  const json = readJson(io, path, "instance");
  try {
    return validateInstance(json);
  } catch (err) {
    if (err instanceof InputError) throw new InputProblems(path, "instance", err.problems);
    throw err;
  }
}

export function loadPlan(io: Io, path: string, model: Model): Int32Array {
  const json = readJson(io, path, "plan");
  try {
    return planFromJson(model, json);
  } catch (err) {
    if (err instanceof InputError) throw new InputProblems(path, "plan", err.problems);
    throw err;
  }
}
