import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('YouTube', () => {
  it('takes a watch page that says podcast for an episode, with its channel as the show', () => {
    const detection = detectSynthetic(
      'youtube-podcast-episode.html',
      'https://www.youtube.com/watch?v=Xy12abCD34e',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'youtube' });
    expect(detection.episode).toMatchObject({
      title: 'Ep. 214: How Databases Work, with Ana Lima',
      show: 'Backend Talk',
    });
    expect(detection.episode?.audioUrl).toBeUndefined();
  });

  it('takes any other video for media', () => {
    const detection = detectHtml(
      '<title>Cat jumps - YouTube</title><meta property="og:title" content="Cat jumps">',
      'https://www.youtube.com/watch?v=abc',
    );
    expect(detection).toMatchObject({ kind: 'media', platform: 'youtube' });
  });

  it('knows short links and live streams, and claims nothing on the home page', () => {
    expect(detectHtml('<title>x</title>', 'https://youtu.be/abc').kind).toBe('media');
    expect(detectHtml('<title>x</title>', 'https://www.youtube.com/live/abc').kind).toBe('media');
    expect(detectHtml('<title>YouTube</title>', 'https://www.youtube.com/').kind).toBe('none');
  });

  it('prefers the live heading to meta tags left from the previous video', () => {
    const detection = detectHtml(
      `<meta property="og:url" content="https://www.youtube.com/watch?v=old">
       <meta property="og:title" content="Old video">
       <div id="title"><h1>Podcast episode 9: the new one</h1></div>`,
      'https://www.youtube.com/watch?v=new',
    );
    expect(detection.episode?.title).toBe('Podcast episode 9: the new one');
    expect(detection.evidence).toContain('stale metadata ignored');
  });
});

describe('YouTube Music', () => {
  it('takes a /podcast/ page for an episode', () => {
    const detection = detectSynthetic(
      'youtube-music-podcast-episode.html',
      'https://music.youtube.com/podcast/Qw9Er8Ty7Ui',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'youtube-music' });
    expect(detection.episode?.title).toBe('The Long Game: Patience in Investing');
  });

  it('takes a song for media', () => {
    const detection = detectHtml(
      '<title>Song - YouTube Music</title>',
      'https://music.youtube.com/watch?v=abc',
    );
    expect(detection).toMatchObject({ kind: 'media', platform: 'youtube-music' });
  });
});
