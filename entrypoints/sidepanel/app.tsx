import { mountApp } from '@/components/app/mount';
import { createViewEnv } from '@/lib/platform/view-env';

mountApp(document.getElementById('app')!, (signal) => createViewEnv('panel', signal));
