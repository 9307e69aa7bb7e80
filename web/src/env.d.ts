/** Replaced at build time by web/build.mjs from API_BASE_URL ("" = same origin). */
declare const __API_BASE__: string;
