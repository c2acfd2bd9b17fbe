// Entry point of the season workers' own bundle (build/seasonWorker.js): only the passes and the ceiling's
// groups, without the CLI's file readers and writers. A worker of the whole CLI bundle (3 MB) took ~170 ms
// of CPU to start against ~45 ms for this one, and at N = 1,000 two of them starting beside the realistic
// ceiling slowed `auto` by ~0.6 s (bench/results/speed.md).

import { isSeasonWorker, serveSeasons } from "./seasonThreads";

if (isSeasonWorker()) serveSeasons();
