/**
 * A three-hour episode's words in each transcript format, and a feed of many items: generated,
 * so the bench needs no large file in the repository. ~2,500 cues of ~4.3 s (a real three-hour
 * conversation's captions), two speakers taking turns.
 */
const CUES = 2_500;
const CUE_SECONDS = 4.32;
const SENTENCE = 'and that is why the words in the feed matter to every listener who wants them';

interface GenCue {
  start: number;
  end: number;
  speaker: string;
  text: string;
}

/** The cues themselves, as a transcript parsed for the panel holds them. */
export function threeHourCues(): GenCue[] {
  return cues();
}

function cues(): GenCue[] {
  return Array.from({ length: CUES }, (_, i) => ({
    start: i * CUE_SECONDS,
    end: (i + 1) * CUE_SECONDS,
    speaker: Math.floor(i / 7) % 2 === 0 ? 'Ada Park' : 'Sam Rivera',
    text: `${i}: ${SENTENCE.slice(0, 50 + (i % 30))}`,
  }));
}

const clock = (s: number, sep: '.' | ',') => {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.floor(s % 60);
  const ms = Math.round((s % 1) * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(h)}:${p(m)}:${p(sec)}${sep}${p(ms, 3)}`;
};

export function threeHourVtt(): string {
  return `WEBVTT\n\n${cues()
    .map((c) => `${clock(c.start, '.')} --> ${clock(c.end, '.')}\n<v ${c.speaker}>${c.text}\n`)
    .join('\n')}`;
}

export function threeHourSrt(): string {
  let last = '';
  return cues()
    .map((c, i) => {
      const label = c.speaker !== last ? `${c.speaker}: ` : '';
      last = c.speaker;
      return `${i + 1}\n${clock(c.start, ',')} --> ${clock(c.end, ',')}\n${label}${c.text}\n`;
    })
    .join('\n');
}

/** Line-level segments, two per cue (as Buzzsprout writes them). */
export function threeHourJson(): string {
  const segments = cues().flatMap((c) => {
    const half = Math.floor(c.text.length / 2);
    return [
      { speaker: c.speaker, startTime: c.start, endTime: c.end, body: c.text.slice(0, half) },
      { speaker: c.speaker, startTime: c.start, endTime: c.end, body: c.text.slice(half) },
    ];
  });
  return JSON.stringify({ version: '1.0.0', segments });
}

export function threeHourHtml(): string {
  return cues()
    .map((c) => {
      const s = Math.floor(c.start);
      return `<cite>${c.speaker}:</cite>\n<time>${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}</time>\n<p>${c.text}</p>\n`;
    })
    .join('');
}

/** A Podcasting 2.0 feed of `items` episodes, each with transcripts, chapters and people. */
export function feedOf(items: number): string {
  const item = (i: number) => `<item>
  <title>Episode ${i}: a title long enough to look real &amp; escaped</title>
  <guid isPermaLink="false">show-${i}</guid>
  <link>https://show.example/episodes/${i}</link>
  <pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate>
  <description><![CDATA[<p>Show notes for episode ${i}, with <a href="https://x.example">a link</a> and a paragraph of text that goes on for a while, as show notes do.</p>]]></description>
  <enclosure url="https://media.example/show/${i}.mp3" type="audio/mpeg" length="12345678"/>
  <podcast:transcript url="https://show.example/t/${i}.vtt" type="text/vtt" language="en"/>
  <podcast:transcript url="https://show.example/t/${i}.srt" type="application/srt"/>
  <podcast:chapters url="https://show.example/c/${i}.json" type="application/json+chapters"/>
  <podcast:person role="host">Ada Park</podcast:person>
  <podcast:person role="guest">Guest ${i}</podcast:person>
</item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
<title>The Bench Show</title><link>https://show.example/</link><language>en</language>
${Array.from({ length: items }, (_, i) => item(i)).join('\n')}
</channel></rss>`;
}
