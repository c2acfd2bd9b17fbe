// Reads a JSON input file and turns every way that can fail into a FileError whose message names the file,
// and for a syntax error the line and column with the offending line quoted (V8's own messages give a
// character position at best, and for some mistakes none at all).

import { FileError } from "./errors";
import type { Io } from "./io";

export const READ_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of the path is not a folder",
};

/** Reads and parses `path`; `what` says what the file should hold ("instance", "plan") for messages. */
export function readJson(io: Io, path: string, what: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const why = typeof code === "string" && READ_ERRORS[code] ? READ_ERRORS[code] : (err as Error).message;
    throw new FileError(`cannot read the ${what} file '${path}': ${why}`);
  }
  // Editors on Windows often save a byte-order mark; JSON.parse would reject it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (err) {
    const found = locateSyntaxError(text);
    if (!found) throw new FileError(`the ${what} file '${path}' is not valid JSON: ${(err as Error).message}`);
    const { line, column } = lineAndColumn(text, found.position);
    throw new FileError(
      `the ${what} file '${path}' is not valid JSON: line ${line}, column ${column}: ${found.reason}\n${excerpt(text, found.position)}`,
    );
  }
}

export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < position && k < text.length; k++) {
    if (text[k] === "\n") {
      line++;
      start = k + 1;
    }
  }
  return { line, column: position - start + 1 };
}

/** The line holding `position`, cut to a window around it, with a caret under the culprit. */
function excerpt(text: string, position: number): string {
  const start = text.lastIndexOf("\n", position - 1) + 1;
  let end = text.indexOf("\n", position);
  if (end < 0) end = text.length;
  const line = text.slice(start, end).replace(/\r$/, "").replace(/\t/g, " ");
  const col = position - start;
  const from = Math.max(0, col - 50);
  const shown = (from > 0 ? "..." : "") + line.slice(from, from + 100) + (from + 100 < line.length ? "..." : "");
  const caret = (from > 0 ? 3 : 0) + col - from;
  return `    ${shown}\n    ${" ".repeat(caret)}^`;
}

interface SyntaxProblem {
  position: number;
  reason: string;
}

/**
 * Finds where `text` stops being JSON (RFC 8259), or null if it is valid. Only called after JSON.parse
 * failed, so it favours clear reasons over speed.
 */
export function locateSyntaxError(text: string): SyntaxProblem | null {
  let k = 0;
  const fail = (reason: string, at = k): never => {
    throw { position: at, reason } satisfies SyntaxProblem;
  };
  const describe = () => (k >= text.length ? "the end of the file" : `'${text[k]}'`);
  const space = () => {
    while (k < text.length && " \t\n\r".includes(text[k])) k++;
  };
  const literal = (word: string) => {
    for (let m = 0; m < word.length; m++, k++)
      if (text[k] !== word[m]) fail(`expected a value (did you mean ${word}?)`);
  };
  const string = () => {
    const open = k++;
    for (;;) {
      if (k >= text.length) fail("this string is never closed", open);
      const c = text.charCodeAt(k);
      if (c === 0x22) {
        k++;
        return;
      }
      if (c < 0x20)
        fail(
          c === 0x0a
            ? "line break inside a string (write \\n, or close the quote)"
            : "control character inside a string",
        );
      if (c === 0x5c) {
        k++;
        if (k < text.length && 'bfnrt"\\/'.includes(text[k])) k++;
        else if (text[k] === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(k + 1, k + 5))) k += 5;
        else fail("invalid escape sequence in a string", k - 1);
      } else k++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(k, k + 400));
    if (!m || m[0] === "-") fail(`expected a value but found ${describe()}`);
    k += (m as RegExpExecArray)[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 1000) fail("nested too deeply");
    space();
    const c = text[k];
    if (c === "{") {
      k++;
      space();
      if (text[k] === "}") {
        k++;
        return;
      }
      for (;;) {
        space();
        if (text[k] !== '"')
          fail(
            text[k] === "}"
              ? "a comma before '}' (trailing commas are not allowed in JSON)"
              : `expected a property name in double quotes but found ${describe()}`,
          );
        string();
        space();
        if (text[k] !== ":") fail(`expected ':' after the property name but found ${describe()}`);
        k++;
        value(depth + 1);
        space();
        if (text[k] === ",") {
          k++;
          continue;
        }
        if (text[k] === "}") {
          k++;
          return;
        }
        fail(`expected ',' or '}' after a property value but found ${describe()}`);
      }
    }
    if (c === "[") {
      k++;
      space();
      if (text[k] === "]") {
        k++;
        return;
      }
      for (;;) {
        space();
        if (text[k] === "]") fail("a comma before ']' (trailing commas are not allowed in JSON)");
        value(depth + 1);
        space();
        if (text[k] === ",") {
          k++;
          continue;
        }
        if (text[k] === "]") {
          k++;
          return;
        }
        fail(`expected ',' or ']' after a list element but found ${describe()}`);
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "'") fail("strings must use double quotes, not single quotes");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    fail(
      k >= text.length
        ? "unexpected end of the file (the file is empty or cut short)"
        : `expected a value but found ${describe()}`,
    );
  };
  try {
    value(0);
    space();
    if (k < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
    return null;
  } catch (e) {
    if (typeof e === "object" && e !== null && "reason" in e) return e as SyntaxProblem;
    return null;
  }
}
