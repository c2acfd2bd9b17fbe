// The Web Worker that runs engine jobs, so a long optimisation never freezes Excel (docs/office.md §2.7: an add-in
// unresponsive for 5 s is restarted). Cancels are honoured between the optimiser's steps; a job stuck in one
// long synchronous step is ended by the client terminating this worker.

import { describeFailure, runJob } from "./jobs";
import type { FromWorker, ToWorker } from "./messages";

interface WorkerScope {
  onmessage: ((ev: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
const cancelled = new Map<number, { aborted: boolean }>();

scope.onmessage = (ev) => {
  const msg = ev.data;
  if (msg.type === "cancel") {
    const flag = cancelled.get(msg.id);
    if (flag) flag.aborted = true;
    return;
  }
  const flag = { aborted: false };
  cancelled.set(msg.id, flag);
  runJob(msg.job, (progress) => scope.postMessage({ type: "progress", id: msg.id, progress }), flag)
    .then((result) => scope.postMessage({ type: "done", id: msg.id, result }))
    .catch((err) => scope.postMessage({ type: "failed", id: msg.id, failure: describeFailure(err) }))
    .finally(() => cancelled.delete(msg.id));
};
