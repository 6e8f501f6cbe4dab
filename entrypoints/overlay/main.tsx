import { mountApp } from '@/components/app/mount';
import { whenDocked } from '@/lib/platform/overlay-frame';
import { browserSettings } from '@/lib/platform/browser-settings';
import { createViewEnv } from '@/lib/platform/view-env';

// Renders only once the worker confirms that our content script docked this frame: a copy of this page
// that the call page embedded itself, or loaded into our frame, stays empty.
whenDocked(browserSettings, (dock) => mountApp(document.getElementById('app')!, (signal) => createViewEnv('overlay', signal, dock)));
