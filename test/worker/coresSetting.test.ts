// The Cores setting: per computer, "all" unless "one" was chosen; kept in local storage, or for the runtime
// where the host refuses it; what it means in season workers on a machine of a given size.

import { CORES_KEY, coresSetting, saveCoresSetting, seasonThreads } from "../../src/worker/coresSetting";

function memoryStore(refuse = false) {
  const m = new Map<string, string>();
  return {
    m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (refuse) throw new Error("QuotaExceededError");
      m.set(k, v);
    },
  };
}

test("all cores but one unless one was chosen, kept in the store", () => {
  const store = memoryStore();
  expect(coresSetting(store)).toBe("all");
  expect(saveCoresSetting("one", store)).toBe(true);
  expect(store.m.get(CORES_KEY)).toBe("one");
  expect(coresSetting(store)).toBe("one");
  store.m.set(CORES_KEY, "something else");
  expect(coresSetting(store)).toBe("all");
  expect(coresSetting(null)).toBe("all");
});

test("a host that refuses storage keeps the choice for the runtime, and says it did not keep it", () => {
  const refusing = memoryStore(true);
  expect(saveCoresSetting("one", refusing)).toBe(false);
  expect(coresSetting(refusing)).toBe("one");
  // Saved again where the host keeps it: the store speaks from then on.
  const store = memoryStore();
  expect(saveCoresSetting("all", store)).toBe(true);
  expect(coresSetting(store)).toBe("all");
});

test("season workers: all cores but one, at least one and at most 8; none for 'one'", () => {
  expect([1, 2, 3, 4, 8, 16, 64].map((c) => seasonThreads("all", c))).toEqual([1, 1, 2, 3, 7, 8, 8]);
  expect(seasonThreads("all", Number.NaN)).toBe(1); // unknown: taken as 2 cores
  expect(seasonThreads("one", 16)).toBe(0);
});
