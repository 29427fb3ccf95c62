import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('Castbox', () => {
  it('finds the episode, names the show, not "Castbox", and keeps the audio file', () => {
    const detection = detectSynthetic(
      'castbox-episode.html',
      'https://castbox.fm/episode/The-Rise-of-Solar-id2345678-id987654321',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'castbox' });
    expect(detection.episode).toMatchObject({
      title: 'The Rise of Solar',
      show: 'Energy Now',
      audioUrl: 'https://traffic.example-cdn.com/energy-now/rise-of-solar.mp3',
    });
  });

  it('calls a channel a show', () => {
    expect(
      detectHtml('<title>x</title>', 'https://castbox.fm/channel/Energy-Now-id2345678').kind,
    ).toBe('show');
  });
});
