// The one way the CLI writes a file (plan JSON, generated instances, planned workbooks, sweep results): never
// over an input (compared as files, through symlinks and hard links), never over an existing file without
// --force, and never half: the bytes go to a temporary file beside the target, are flushed to disk, and only
// then take the target's name. Without --force the name is taken with link(), which fails if the name exists,
// so of two runs racing for one output exactly one wins and the other says so. The temporary file is removed
// on any error and on SIGINT, SIGTERM or SIGHUP (SIGKILL cannot be caught: then at most a `.*.tmp` file is left,
// and the target is either the old file whole or the new one whole).

import {
  closeSync,
  copyFileSync,
  constants,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { FileError, UsageError } from "./errors";

/** What may be written: whole text or bytes, or chunks (a stream of rows) produced while writing. */
export type OutputData = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

export interface OutputInput {
  path: string;
  /** How the message names it: "input workbook", "instance file". */
  what: string;
}

export interface OutputOptions {
  /** Replace an existing output (never an input). */
  force?: boolean;
  /** The files this run reads: the output may be none of them. */
  inputs?: readonly OutputInput[];
  /** The command, for the usage hint of a refusal. */
  command: string;
  /** How the message names the output: "the plan", "the planned workbook". */
  what: string;
  /** The option that names the output, for the messages ("--out"). */
  option?: string;
}

interface Identity {
  dev: number;
  ino: number;
  real: string;
}

function identity(path: string): Identity | undefined {
  try {
    const s = statSync(path);
    return { dev: s.dev, ino: s.ino, real: realpathSync(path) };
  } catch {
    return undefined;
  }
}

function sameFile(a: Identity, b: Identity): boolean {
  // ino 0 is what some file systems (FAT, some network shares) report for every file: then the real paths decide.
  return (a.ino !== 0 && a.dev === b.dev && a.ino === b.ino) || a.real === b.real;
}

/** Whether a path names an existing entry, a dangling symlink included (lstat does not follow it). */
function present(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}

function checkNotInput(path: string, options: OutputOptions): void {
  const option = options.option ?? "--out";
  const out = identity(path);
  for (const input of options.inputs ?? []) {
    const file = identity(input.path);
    const sameName = resolve(path).toLowerCase() === resolve(input.path).toLowerCase();
    if (sameName || (out && file && sameFile(out, file))) {
      const how = sameName ? "" : ` '${input.path}' (the same file through a link)`;
      throw new UsageError(
        `${option} '${path}' is the ${input.what}${how}; assort never writes over its input, name another file`,
        options.command,
      );
    }
  }
}

/**
 * Refuses an output before any work is done: an input file (also through a link, or the same name in another
 * case on a case-insensitive disk) or, without --force, any existing file. Throws a UsageError (exit 2).
 */
export function checkOutput(path: string, options: OutputOptions): void {
  checkNotInput(path, options);
  if (!options.force && present(path)) {
    throw new UsageError(
      `'${path}' already exists; pass --force to replace it, or ${options.option ?? "--out"} to write elsewhere`,
      options.command,
    );
  }
}

// Temporary files of writes in progress, removed if the process is told to stop.
const pending = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

function removePending(): void {
  for (const t of pending) rmSync(t, { force: true });
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  untrap();
  // Stop as the signal would have stopped us (exit status 128 + its number), now that nothing is left behind.
  process.kill(process.pid, signal);
}

function onExit(): void {
  removePending();
}

function trap(): void {
  if (pending.size > 0) return;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on("exit", onExit);
}

function untrap(): void {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.removeListener("exit", onExit);
}

function toBytes(chunk: string | Uint8Array): Uint8Array {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
}

async function writeChunks(fd: number, data: OutputData): Promise<void> {
  if (typeof data === "string" || data instanceof Uint8Array) {
    writeAll(fd, toBytes(data));
    return;
  }
  if (Symbol.asyncIterator in data) {
    for await (const chunk of data as AsyncIterable<string | Uint8Array>) writeAll(fd, toBytes(chunk));
    return;
  }
  for (const chunk of data as Iterable<string | Uint8Array>) writeAll(fd, toBytes(chunk));
}

/** Flushes a folder's entry list, so a renamed file survives a power cut; not every system allows it. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder: the rename is still atomic there.
  }
}

const WHY: Record<string, string> = {
  ENOENT: "its folder does not exist",
  ENOTDIR: "its folder does not exist",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the disk is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EISDIR: "it is a folder",
  ENAMETOOLONG: "the name is too long",
};

function reason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && WHY[code]) return WHY[code];
  return err instanceof Error ? err.message : String(err);
}

/** Gives the complete temporary file the target's name: exclusively (link) unless replacing is allowed. */
function publish(temporary: string, path: string, force: boolean): void {
  if (force) {
    renameSync(temporary, path);
    return;
  }
  try {
    linkSync(temporary, path);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === "EEXIST") throw err;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV" && code !== "ENOSYS")
      throw err;
    // No hard links here (FAT, some shares): an exclusive copy still cannot replace a file that appeared.
    copyFileSync(temporary, path, constants.COPYFILE_EXCL);
  }
  rmSync(temporary, { force: true });
}

/**
 * Writes `data` to `path` safely (see the top of this file). Refusals are UsageErrors (exit 2); a failed
 * write or a lost race is a FileError (exit 1) saying that nothing was written.
 */
export async function writeFileSafely(path: string, data: OutputData, options: OutputOptions): Promise<void> {
  checkOutput(path, options);
  const folder = dirname(resolve(path));
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fail = (err: unknown): FileError =>
    new FileError(`cannot write ${options.what} '${path}': ${reason(err)}; nothing was written`);
  let fd: number;
  try {
    fd = openSync(temporary, "wx", 0o666);
  } catch (err) {
    throw fail(err);
  }
  trap();
  pending.add(temporary);
  try {
    try {
      await writeChunks(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Checked again: the output may have become a link to an input while this run worked (one that merely
    // appeared is caught by publish, which will not replace it).
    checkNotInput(path, options);
    try {
      publish(temporary, path, options.force === true);
    } catch (err) {
      if ((err as { code?: unknown }).code === "EEXIST")
        throw new FileError(
          `'${path}' was created by another program (another assort run?) while this one worked; nothing was written. Pass --force to replace it, or ${options.option ?? "--out"} to write elsewhere`,
        );
      throw err;
    }
    syncFolder(folder);
  } catch (err) {
    rmSync(temporary, { force: true });
    if (err instanceof UsageError || err instanceof FileError) throw err;
    throw fail(err);
  } finally {
    pending.delete(temporary);
    if (pending.size === 0) untrap();
  }
}
