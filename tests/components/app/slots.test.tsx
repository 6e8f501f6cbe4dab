// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '@/lib/api/result';
import { App } from '@/components/app/App';
import { fakeEnv } from '../../helpers/fake-env';
import { aBundle, aSession, NOW } from './fixtures';

afterEach(cleanup);

/** The shell with the real deck, capture, summary and settings: the seams between the parts hold. */
describe('App with the real views in its slots', () => {
  function start() {
    const bundle = aBundle();
    const env = fakeEnv({
      layout: 'overlay',
      api: {
        activeSession: async () => ok(bundle),
        openCommitments: async () => ok([]),
        clientHistory: async () => ok([]),
        listQuestions: async () =>
          ok([
            {
              id: 'b:1',
              stage: 'contracting',
              text: 'What would you like to focus on today?',
              tags: [],
              builtin: true,
              favourite: false,
              hidden: false,
            },
          ]),
        getDraft: async () => ok(null),
        setDraft: async () => ok(null),
        getSessionBundle: async () => ok({ ...bundle, session: aSession({ status: 'ended', endedAt: NOW + 3_000_000 }) }),
        endSession: async () => ok(aSession({ status: 'ended', endedAt: NOW + 3_000_000 })),
      },
    });
    render(<App env={env} />);
    return env;
  }

  it('renders the deck and capture behind their tabs', async () => {
    start();
    fireEvent.click(await screen.findByRole('tab', { name: /Deck/ }));
    expect(await screen.findByRole('searchbox', { name: 'Search questions' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: /Capture/ }));
    expect(await screen.findByRole('textbox', { name: 'Capture' })).toBeTruthy();
  });

  it('opens the real settings and, after ending, the real summary', async () => {
    start();
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'End session' }));
    fireEvent.click(screen.getByRole('button', { name: 'End session now' }));
    expect(await screen.findByRole('region', { name: 'Session summary' })).toBeTruthy();
  });
});
