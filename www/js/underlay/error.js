// @ts-check
/** A file refused as an underlay, with the reason in words (naming the file). */
export class UnderlayError extends Error {}
