// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { UserText } from '@/components/ui/UserText';

describe('UserText', () => {
  it('isolates the words in <bdi> and shows a right-to-left override instead of obeying it', () => {
    const { container } = render(
      <p>
        Open the session with <UserText text={'Ann \u202Etroper'} />, today
      </p>,
    );
    const bdi = container.querySelector('bdi')!;
    expect(bdi.textContent).toBe('Ann \uFFFDtroper');
    expect(container.textContent).not.toContain('\u202E');
    expect(container.textContent).toBe('Open the session with Ann \uFFFDtroper, today');
  });
});
