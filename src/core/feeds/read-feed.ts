/**
 * An RSS feed's text → the show, its items, and what each item offers (transcripts, chapters,
 * people). Every URL is resolved against the feed and kept only when it is http(s): a
 * `javascript:`, `file:` or `data:` address in a feed is dropped with a located warning.
 */
import { located, type Located, type Parsed } from '../located';
import { readPerson } from './people';
import type { ChaptersLink, Feed, FeedItem, FeedPerson, TranscriptLink } from './types';
import { child, childText, children, parseXml, type XmlElement } from './xml';

/** A feed with more items than this is refused: it is not a podcast feed we can trust. */
export const MAX_FEED_ITEMS = 4_000;

/** The namespace has been published under both addresses; feeds use either. */
export const PODCAST_NS = [
  'https://podcastindex.org/namespace/1.0',
  'https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md',
];

export function readFeed(text: string, feedUrl: string): Parsed<Feed> {
  const tree = parseXml(text, { countName: 'item', maxCount: MAX_FEED_ITEMS });
  if (!tree.ok) return tree;
  const rss = tree.value;
  const channel = rss.name === 'rss' ? child(rss, 'channel') : null;
  if (!channel) {
    return {
      ok: false,
      error: located(`not an RSS feed: the file starts with <${rss.name}>, not <rss><channel>`, {
        line: rss.line,
      }),
    };
  }
  const warnings: Located[] = [...tree.warnings];
  const urlOf = (value: string | undefined, el: XmlElement, what: string): string | null => {
    if (!value?.trim()) return null;
    let resolved: string | null;
    try {
      // One parse per address: a feed of 1,000 items has ~7,000 of them (bench: transcript).
      const url = new URL(value.trim(), feedUrl);
      resolved = url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch {
      resolved = null;
    }
    if (!resolved && warnings.length < 50) {
      warnings.push(located(`${what} is not a web address; ignored`, { line: el.line }));
    }
    return resolved;
  };
  const peopleOf = (el: XmlElement): FeedPerson[] =>
    children(el, 'person', PODCAST_NS).flatMap((p) => {
      const person = readPerson(p.text, p.attrs.role, p.attrs.group);
      if (!person) return [];
      return [
        {
          ...person,
          href: urlOf(p.attrs.href, p, 'a person’s link'),
          img: urlOf(p.attrs.img, p, 'a person’s image'),
        },
      ];
    });

  const channelPeople = peopleOf(channel);
  const items = children(channel, 'item').map((item, index): FeedItem => {
    const transcripts = children(item, 'transcript', PODCAST_NS).flatMap((t): TranscriptLink[] => {
      const url = urlOf(t.attrs.url, t, 'a transcript’s address');
      if (!url) return [];
      return [
        {
          url,
          type: (t.attrs.type ?? '').trim().toLowerCase(),
          language: (t.attrs.language ?? '').trim().toLowerCase(),
          rel: (t.attrs.rel ?? '').trim().toLowerCase(),
        },
      ];
    });
    const chaptersEl = child(item, 'chapters', PODCAST_NS);
    const chaptersUrl = chaptersEl
      ? urlOf(chaptersEl.attrs.url, chaptersEl, 'the chapters’ address')
      : null;
    const chapters: ChaptersLink | null = chaptersUrl
      ? { url: chaptersUrl, type: (chaptersEl!.attrs.type ?? '').trim().toLowerCase() }
      : null;
    const enclosure = child(item, 'enclosure');
    const linkEl = child(item, 'link');
    const itemPeople = peopleOf(item);
    return {
      index,
      guid: childText(item, 'guid'),
      title: childText(item, 'title'),
      link: linkEl ? urlOf(linkEl.text, linkEl, 'the item’s link') : null,
      enclosureUrl: enclosure ? urlOf(enclosure.attrs.url, enclosure, 'the audio’s address') : null,
      publishedAt: rfc822ToIso(childText(item, 'pubDate')),
      transcripts,
      chapters,
      people: itemPeople.length > 0 ? itemPeople : channelPeople,
    };
  });
  const channelLink = child(channel, 'link');
  return {
    ok: true,
    value: {
      title: childText(channel, 'title'),
      link: channelLink ? urlOf(channelLink.text, channelLink, 'the show’s link') : null,
      language: childText(channel, 'language').toLowerCase(),
      people: channelPeople,
      items,
    },
    warnings,
  };
}

/** `Tue, 10 Jun 2003 04:00:00 GMT` → ISO; null when it can't be read (never "now"). */
export function rfc822ToIso(value: string): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}
