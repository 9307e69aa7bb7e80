/** Replaced at build time by web/build.mjs from API_BASE_URL ("" = same origin). */
declare const __API_BASE__: string;

/** A stylesheet as minified text (build.mjs), for a lazily loaded chunk that injects its own CSS. */
declare module "*.inject.css" {
  const text: string;
  export default text;
}
