import { startEarlyReads } from '@/lib/platform/early-reads';

// The first screen's reads go out (waking a stopped worker) while the app's own chunk is still loading.
startEarlyReads();
import('./app');
