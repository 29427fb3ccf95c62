import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deepLink } from '../../../src/core/deeplink';
import { MomentLink } from '../../../src/ui/components/MomentLink';
import { makeEpisode } from '../../support/records';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(cleanup);

const episode = makeEpisode('pen', { url: 'https://podcasts.example/pen' });

describe("a quote's time as a link to that moment", () => {
  it('links to the episode page at that time, in a new tab, saying so', () => {
    const { container } = render(<MomentLink episode={episode} timeSec={125} />);
    const link = container.querySelector('a')!;
    expect(link.className).toBe('time');
    expect(link.textContent).toBe('2:05');
    expect(link.getAttribute('href')).toBe(deepLink(episode, 125));
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('title')).toBe("Open the episode's page at 2:05");
  });

  it('renders nothing, or its fallback, for a quote without a time', () => {
    expect(render(<MomentLink episode={episode} timeSec={null} />).container.innerHTML).toBe('');
    cleanup();
    const fallback = <span class="time muted">no time</span>;
    const { container } = render(
      <MomentLink episode={episode} timeSec={null} fallback={fallback} />,
    );
    expect(container.innerHTML).toBe('<span class="time muted">no time</span>');
  });

  it('makes no link when the page has no web address', () => {
    const local = makeEpisode('local', { url: 'file:///talk.html' });
    const { container } = render(<MomentLink episode={local} timeSec={62} before=" · " />);
    expect(container.innerHTML).toBe('');
  });

  it('shows its separator only with the link', () => {
    const { container } = render(<MomentLink episode={episode} timeSec={62} before=" · " />);
    expect(container.textContent).toBe(' · 1:02');
  });
});
