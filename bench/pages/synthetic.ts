/**
 * A synthetic 3-hour transcript page of ~100k DOM nodes: the large podcast page that issue 3
 * and issue 4 budget against. Made of the real Buzzcast episode transcript
 * (test/fixtures/real/transcripts/buzzcast.json, 28 minutes) told over and over until three
 * hours are filled, rendered the way transcript players render them: one paragraph per
 * speaker turn, one span per cue, one span per word (for karaoke-style highlighting).
 *
 * Each retelling has its letters shifted (a different Caesar shift each time), so that the
 * text keeps the shape of real speech but no passage occurs twice, as on a real long page.
 */
import { readFixture } from '../../test/support/fixtures';

interface Segment {
  speaker: string;
  startTime: number;
  endTime: number;
  body: string;
}

export const SYNTHETIC_TITLE = 'Episode 300: Three hours on listening, notes and memory';
export const SYNTHETIC_SHOW = 'The Long Listen';
export const SYNTHETIC_SECONDS = 3 * 3600;

function shiftLetters(text: string, shift: number): string {
  if (shift === 0) return text;
  return text.replace(/[a-z]/gi, (letter) => {
    const base = letter <= 'Z' ? 65 : 97;
    return String.fromCharCode(((letter.charCodeAt(0) - base + shift) % 26) + base);
  });
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Three hours of segments: the real episode repeated, times moved on, letters shifted. */
function threeHoursOfSegments(): Segment[] {
  const { segments } = JSON.parse(readFixture('transcripts', 'buzzcast.json')) as {
    segments: Segment[];
  };
  const length = segments[segments.length - 1]!.endTime;
  const all: Segment[] = [];
  for (let copy = 0; copy * length < SYNTHETIC_SECONDS; copy++) {
    for (const segment of segments) {
      const startTime = segment.startTime + copy * length;
      if (startTime >= SYNTHETIC_SECONDS) break;
      all.push({
        speaker: segment.speaker,
        startTime,
        endTime: segment.endTime + copy * length,
        body: shiftLetters(segment.body, copy),
      });
    }
  }
  return all;
}

/** The transcript's markup: turns of cues of words. */
function transcriptHtml(segments: readonly Segment[]): string {
  const parts: string[] = [];
  let speaker = '';
  for (const segment of segments) {
    if (segment.speaker !== speaker) {
      if (speaker) parts.push('</p>\n');
      speaker = segment.speaker;
      parts.push(
        `<p class="turn"><cite>${escapeHtml(speaker)}:</cite> ` +
          `<time datetime="PT${Math.floor(segment.startTime)}S">${clock(segment.startTime)}</time> `,
      );
    }
    const words = segment.body.split(/\s+/).filter(Boolean);
    const spans = words.map((word) => `<span>${escapeHtml(word)}</span>`).join(' ');
    parts.push(`<span class="cue" data-start="${segment.startTime}">${spans}</span>\n`);
  }
  if (speaker) parts.push('</p>\n');
  return parts.join('');
}

/** The whole page: podcast metadata, a player on /episode.wav, show notes and the transcript. */
export function syntheticTranscriptPage(): string {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'PodcastEpisode',
    name: SYNTHETIC_TITLE,
    datePublished: '2026-11-02',
    timeRequired: 'PT3H',
    associatedMedia: { '@type': 'MediaObject', contentUrl: '/episode.wav' },
    partOfSeries: { '@type': 'PodcastSeries', name: SYNTHETIC_SHOW },
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${SYNTHETIC_TITLE} | ${SYNTHETIC_SHOW}</title>
<meta property="og:type" content="website">
<meta property="og:title" content="${SYNTHETIC_TITLE}">
<meta property="og:site_name" content="${SYNTHETIC_SHOW}">
<link rel="alternate" type="application/rss+xml" title="${SYNTHETIC_SHOW}" href="/feed.xml">
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
<style>
body { font: 16px/1.6 Georgia, serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
cite { font-style: normal; font-weight: bold; }
time { color: #777; font-size: 0.85em; }
</style>
</head>
<body>
<header><p>${SYNTHETIC_SHOW}</p><h1>${SYNTHETIC_TITLE}</h1></header>
<audio id="player" controls preload="metadata" src="/episode.wav"></audio>
<section id="show-notes"><h2>Show notes</h2><p>Three hours of conversation about listening and taking notes.</p></section>
<section id="transcript"><h2>Transcript</h2>
${transcriptHtml(threeHoursOfSegments())}</section>
</body>
</html>
`;
}
