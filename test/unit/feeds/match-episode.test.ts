// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { audioKey, matchEpisode } from '../../../src/core/feeds/match-episode';
import { readFeed } from '../../../src/core/feeds/read-feed';
import type { FeedItem } from '../../../src/core/feeds/types';
import { readFixture } from '../../support/fixtures';

function items(): FeedItem[] {
  const r = readFeed(readFixture('feeds', 'themnshow.xml'), 'https://mikeneumann.show/feed.xml');
  if (!r.ok) throw new Error('fixture');
  return r.value.items;
}

describe('matchEpisode', () => {
  const all = items();
  const target = all[7]!;

  it('matches by guid first', () => {
    expect(matchEpisode(all, { guid: target.guid, title: all[0]!.title })).toEqual({
      item: target,
      by: 'guid',
    });
  });

  it('then by the audio file, through a measurement redirect and a query string', () => {
    const url = new URL(target.enclosureUrl!);
    const wrapped = `https://dts.podtrac.com/redirect.mp3/${url.host}${url.pathname}?utm=x`;
    expect(matchEpisode(all, { audioUrl: wrapped })).toEqual({ item: target, by: 'enclosure' });
  });

  it('then by the item’s link, ignoring www and a trailing slash', () => {
    const link = new URL(target.link!);
    expect(
      matchEpisode(all, { pageUrls: [`${link.protocol}//www.${link.host}${link.pathname}/`] }),
    ).toMatchObject({
      by: 'link',
      item: target,
    });
  });

  it('then by title and date (a day apart is the same day), then by a title that is unique', () => {
    const day = new Date(Date.parse(target.publishedAt!) + 20 * 3600_000).toISOString();
    expect(matchEpisode(all, { title: target.title.toUpperCase(), publishedAt: day })).toEqual({
      item: target,
      by: 'title-date',
    });
    expect(matchEpisode(all, { title: ` ${target.title}!` })).toEqual({
      item: target,
      by: 'title',
    });
  });

  it('matches nothing rather than a wrong item', () => {
    expect(
      matchEpisode(all, { title: 'Not an episode of this show', audioUrl: 'https://x.test/a.mp3' }),
    ).toBeNull();
    const twins = [
      { ...target, index: 0, guid: 'a', publishedAt: '2020-01-01T00:00:00Z' },
      { ...target, index: 1, guid: 'b', publishedAt: '2021-01-01T00:00:00Z' },
    ];
    expect(matchEpisode(twins, { title: target.title })).toBeNull();
    expect(matchEpisode(twins, { title: target.title, publishedAt: '2021-01-01' })?.item.guid).toBe(
      'b',
    );
  });

  it('identifies an audio file by its own host and path', () => {
    expect(
      audioKey(
        'https://dts.podtrac.com/redirect.mp3/chrt.fm/track/X/media.example.com/ep1.mp3?a=1',
      ),
    ).toBe('media.example.com/ep1.mp3');
    expect(audioKey('https://media.example.com/shows/ep1.mp3')).toBe(
      'media.example.com/shows/ep1.mp3',
    );
  });
});
