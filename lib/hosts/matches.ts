/** Match patterns of the call pages Holdspace docks beside. One list, used by the manifest and the content script. */
export const CALL_HOST_MATCHES = ['https://meet.google.com/*', 'https://app.zoom.us/wc/*', 'https://*.zoom.us/wc/*'];

/**
 * The same hosts as origins, for `web_accessible_resources`: Chrome refuses to load an extension whose
 * web-accessible `matches` carry a path other than `/*`.
 */
export const CALL_ORIGIN_MATCHES = ['https://meet.google.com/*', 'https://app.zoom.us/*', 'https://*.zoom.us/*'];
