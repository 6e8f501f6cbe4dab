import { render } from 'preact';
import { App } from '@/components/app/App';
render(<App layout="overlay" />, document.getElementById('app')!);
