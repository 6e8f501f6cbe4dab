import { describe, expect, it } from 'vitest';
import { callHostOf } from '@/lib/hosts';

describe('callHostOf', () => {
  it.each([
    ['https://meet.google.com/abc-defg-hij', 'meet'],
    ['https://meet.google.com/abc-defg-hij?authuser=1', 'meet'],
    ['https://meet.google.com/abc-defg-hij/', 'meet'],
    ['https://app.zoom.us/wc/123456789/join', 'zoom'],
    ['https://app.zoom.us/wc/12345678901/start', 'zoom'],
    ['https://acme.zoom.us/wc/123456789/join?pwd=x', 'zoom'],
  ])('%s is a %s call', (url, id) => {
    expect(callHostOf(url)?.id).toBe(id);
  });

  it.each([
    'https://meet.google.com/',
    'https://meet.google.com/landing',
    'https://meet.google.com/new',
    'https://meet.google.com/abc-defg-hijk',
    'http://meet.google.com/abc-defg-hij',
    'https://meet.google.com.evil.test/abc-defg-hij',
    'https://app.zoom.us/wc/home',
    'https://app.zoom.us/wc/join',
    'https://zoom.us.evil.test/wc/123456789/join',
    'https://evilzoom.us/wc/123456789/join',
    'not a url',
  ])('%s is not a call', (url) => {
    expect(callHostOf(url)).toBeNull();
  });
});
