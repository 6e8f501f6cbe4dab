// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverlayFrame } from '@/lib/view/ports';
import { Pill } from '@/components/strip/Pill';
import { fakeEnv } from '../../helpers/fake-env';
import { aTimer, MIN, NOW } from '../app/fixtures';
import { renderWithEnv } from '../app/render';

afterEach(cleanup);

const aFrame = (): OverlayFrame => ({ setCollapsed: vi.fn(), moveBy: vi.fn(), hide: vi.fn(), onFocusCapture: vi.fn(() => () => {}) });

describe('Pill', () => {
  it('with a session: the timer, "Show panel", and a page heading that says nothing private', () => {
    const onShow = vi.fn();
    renderWithEnv(fakeEnv({ now: () => NOW }), <Pill timer={aTimer({ startedAt: NOW - 5 * MIN })} frame={aFrame()} onShow={onShow} />);
    expect(screen.getByRole('timer', { name: 'Session timer' }).textContent).toBe('55:00');
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Holdspace');
    expect(heading.className).toContain('visually-hidden');
    expect(heading.closest('main')).toBe(screen.getByRole('main'));
    fireEvent.click(screen.getByRole('button', { name: 'Show panel' }));
    expect(onShow).toHaveBeenCalled();
  });

  it('without a session: the name shown is the heading', () => {
    renderWithEnv(fakeEnv(), <Pill timer={null} frame={aFrame()} onShow={() => {}} />);
    const heading = screen.getByRole('heading', { level: 1, name: 'Holdspace' });
    expect(heading.className).not.toContain('visually-hidden');
    expect(screen.getAllByText('Holdspace')).toHaveLength(1);
  });
});
