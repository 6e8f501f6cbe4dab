export default defineContentScript({
  matches: ['https://meet.google.com/*', 'https://app.zoom.us/wc/*', 'https://*.zoom.us/wc/*'],
  noScriptStartedPostMessage: true,
  main(ctx) {
    const ui = createIframeUi(ctx, { page: '/overlay.html', position: 'inline', anchor: 'body' });
    ui.mount();
  },
});
