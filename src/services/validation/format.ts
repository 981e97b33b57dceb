/** Small formatters used in problem texts (sizes are `bytes()` parameters, written in the reader's locale). */

export const list = (values: readonly (string | number)[]) => values.join(', ');
