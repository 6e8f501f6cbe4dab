import { render } from '@testing-library/preact';
import type { ComponentChildren, VNode } from 'preact';
import { PrefsProvider } from '@/components/app/PrefsProvider';
import { WithEnv, type FakeEnv } from '../../helpers/fake-env';

/** Renders `ui` as the app would: with the env and the coach's settings provided (kept on rerender). */
export function renderWithEnv(env: FakeEnv, ui: VNode) {
  const wrapper = (props: { children: ComponentChildren }) => (
    <WithEnv env={env}>
      <PrefsProvider>{props.children}</PrefsProvider>
    </WithEnv>
  );
  return render(ui, { wrapper });
}
