// A season worker of the add-in: the Web Worker counterpart of the CLI's worker threads. The engine worker
// starts these for a run's passes over sampled seasons and the realistic ceiling's groups (webSeasonPool.ts);
// what each message means and answers is the engine's seasonService, the same code the CLI's threads run.

import { seasonService, type FromSeasonWorker, type ToSeasonWorker } from "../engine";

interface SeasonWorkerScope {
  onmessage: ((ev: { data: ToSeasonWorker }) => void) | null;
  postMessage(message: FromSeasonWorker): void;
}

const scope = self as unknown as SeasonWorkerScope;
const handle = seasonService();

scope.onmessage = (ev) => {
  const answer = handle(ev.data);
  // Copied, not transferred (seasonService says why).
  if (answer) scope.postMessage(answer);
};
