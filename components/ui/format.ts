/** Words for the UI that are not dates (dates are lib/model/dates.ts). */

/** "Ana" → "Ana's"; "James" → "James'". */
export const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);
