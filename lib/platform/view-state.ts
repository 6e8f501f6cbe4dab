/** A view's small state (open tab, deck stage) in browser storage, one key each, apart from the record. */
import { storage } from '#imports';
import type { ViewStatePort } from '../view/ports';

export const browserViewState: ViewStatePort = {
  get: (key) => storage.getItem(`local:view:${key}`),
  set: (key, value) => storage.setItem(`local:view:${key}`, value),
};
