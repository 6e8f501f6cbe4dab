// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { Tabs, tabPanelProps, type TabSpec } from '@/components/ui/Tabs';

afterEach(cleanup);

type K = 'a' | 'b' | 'c';
function Harness() {
  const [active, setActive] = useState<K>('a');
  const tabs: TabSpec<K>[] = [
    { key: 'a', label: 'Contract', shortcut: 'tab.contract' },
    { key: 'b', label: 'Deck', shortcut: 'tab.deck' },
    { key: 'c', label: 'Search', icon: 'search' },
  ];
  return (
    <>
      <Tabs label="Views" prefix="t" tabs={tabs} active={active} onSelect={(k: K) => setActive(k)} />
      {tabs.map((t) => (
        <div key={t.key} {...tabPanelProps('t', t.key, active)}>
          {t.label} panel
        </div>
      ))}
    </>
  );
}

describe('Tabs', () => {
  it('one tab stop; arrows, Home and End move and select', () => {
    render(<Harness />);
    const [a, b, c] = screen.getAllByRole('tab');
    expect(a!.tabIndex).toBe(0);
    expect(b!.tabIndex).toBe(-1);
    expect(screen.getByRole('tabpanel', { name: /Contract/ }).textContent).toBe('Contract panel');
    fireEvent.keyDown(a!, { key: 'ArrowRight' });
    expect(b!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(b);
    expect(screen.getByRole('tabpanel').textContent).toBe('Deck panel');
    fireEvent.keyDown(b!, { key: 'End' });
    expect(document.activeElement).toBe(c);
    fireEvent.keyDown(c!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(a);
    fireEvent.keyDown(a!, { key: 'ArrowLeft' });
    expect(c!.getAttribute('aria-selected')).toBe('true');
  });

  it('names an icon tab by its label and shows shortcut hints', () => {
    render(<Harness />);
    expect(screen.getByRole('tab', { name: 'Search' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Contract/ }).getAttribute('aria-keyshortcuts')).toBe('Alt+1');
    expect(screen.getByRole('tab', { name: /Contract/ }).querySelector('kbd')?.textContent).toBe('1');
  });

  it('names tabs by their content, so the visible key hint and badge never contradict an aria-label', () => {
    const tabs: TabSpec<'p' | 's'>[] = [
      { key: 'p', label: 'Prior', name: 'Prior commitments', shortcut: 'tab.prior', badge: '3' },
      { key: 's', label: 'Search', icon: 'search', shortcut: 'tab.search' },
    ];
    render(<Tabs label="Views" prefix="n" tabs={tabs} active="p" onSelect={() => {}} />);
    for (const name of ['Prior commitments', 'Search']) {
      const tab = screen.getByRole('tab', { name });
      expect(tab.hasAttribute('aria-label')).toBe(false);
    }
    expect(screen.getByRole('tab', { name: 'Prior commitments' }).querySelector('.tab__badge')?.textContent).toBe('3');
  });

  it('keeps a count apart from the key hint: an accent pill, said in words as the description and tooltip', () => {
    const tabs: TabSpec<'p' | 'q'>[] = [
      { key: 'p', label: 'Prior', name: 'Prior commitments', shortcut: 'tab.prior', badge: '3', badgeLabel: '3 to review' },
      { key: 'q', label: 'Later', shortcut: 'tab.search', badge: '2', badgeTone: 'warn', badgeLabel: '2 to review, 1 overdue' },
    ];
    render(<Tabs label="Views" prefix="b" tabs={tabs} active="p" onSelect={() => {}} />);
    const prior = screen.getByRole('tab', { name: 'Prior commitments' });
    const badge = prior.querySelector('.tab__badge')!;
    expect(badge.classList.contains('tab__badge--accent')).toBe(true);
    expect(badge.getAttribute('aria-hidden')).toBe('true');
    // The key hint is its own thing after the count, never read as part of one number.
    expect(badge.nextElementSibling?.classList.contains('tab__kbd')).toBe(true);
    expect(document.getElementById(prior.getAttribute('aria-describedby') ?? '')?.textContent).toBe('3 to review');
    expect(prior.getAttribute('title')).toBe('Prior commitments · 3 to review (Alt+4)');
    const later = screen.getByRole('tab', { name: 'Later' });
    expect(later.querySelector('.tab__badge--warn')?.textContent).toBe('2');
    expect(document.getElementById(later.getAttribute('aria-describedby') ?? '')?.textContent).toBe('2 to review, 1 overdue');
  });
});
