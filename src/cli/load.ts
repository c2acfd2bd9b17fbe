// Loading the inputs of a command: the instance (validated into a Model) and the plan (read against it).
// Engine InputErrors are re-thrown with the file they came from, so messages can say which file to fix.

import { InputError, planFromJson, validateInstance } from "../engine";
import type { Model } from "../engine";
import { InputProblems } from "./errors";
import type { Io } from "./io";
import { readJson } from "./readJson";

export function loadModel(io: Io, path: string): Model {
  return loadInstance(io, path).model;
}

/** The model and the JSON it came from (to say which settings the file gave). */
export function loadInstance(io: Io, path: string): { model: Model; json: unknown } {
  const json = readJson(io, path, "instance");
  try {
    return { model: validateInstance(json), json };
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
