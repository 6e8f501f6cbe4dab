/** Keys of the drafts views keep in the store, spelled once (the prefetch and the hooks must agree). */
export const viewTabDraftKey = (layout: 'overlay' | 'panel') => `view:${layout}:tab`;
