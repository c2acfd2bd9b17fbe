// A JSON object (not null, not a list): what every reader of JSON-shaped input checks first.

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
