/** Match patterns of the call pages Holdspace docks beside. One list, used by the manifest and the content script. */
export const CALL_HOST_MATCHES = ['https://meet.google.com/*', 'https://app.zoom.us/wc/*', 'https://*.zoom.us/wc/*'];
