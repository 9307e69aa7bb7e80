// Module types for the binary imports the PNG renderer bundles: wrangler compiles .wasm imports
// to a WebAssembly.Module and, by the [[rules]] in wrangler.toml, loads .ttf files as ArrayBuffers.
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
declare module "*.ttf" {
  const data: ArrayBuffer;
  export default data;
}
