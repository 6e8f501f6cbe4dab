import { browser } from 'wxt/browser';
import { serveBlobUrls } from '@/lib/platform/offscreen-blob';

serveBlobUrls(browser);
