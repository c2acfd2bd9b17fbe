// Task pane entry; the real pane (Optimize, progress, results) is built in the task pane issue.
export {};
