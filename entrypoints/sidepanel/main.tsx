import { render } from 'preact';
import { App } from '@/components/app/App';
render(<App layout="panel" />, document.getElementById('app')!);
