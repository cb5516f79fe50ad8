declare module "@echogarden/espeak-ng-emscripten" {
  /** Emscripten module factory; the module has an `eSpeakNGWorker` class. */
  const init: () => Promise<unknown>;
  export default init;
}
