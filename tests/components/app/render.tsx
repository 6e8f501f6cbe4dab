import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { PrefsProvider } from '@/components/app/prefs';
import { WithEnv, type FakeEnv } from '../../helpers/fake-env';

/** Renders `ui` as the app would: with the env and the coach's settings provided. */
export function renderWithEnv(env: FakeEnv, ui: ComponentChildren) {
  return render(
    <WithEnv env={env}>
      <PrefsProvider>{ui}</PrefsProvider>
    </WithEnv>,
  );
}
