// Runs the bundled engine (out/main/engine.js) in this process, as Electron's
// utility process runs it: the engine finds `process.parentPort`, here carried
// over the IPC channel of a forked Node process. The growth benchmark forks
// this file to read the memory of the engine process itself (issue 12 §5),
// without the benchmark's own modules in it.
process.parentPort = {
  postMessage: (message) => process.send(message),
  on: (_event, listener) => process.on('message', (data) => listener({ data })),
};
process.on('disconnect', () => process.exit(0));
await import(new URL('../out/main/engine.js', import.meta.url).href);
