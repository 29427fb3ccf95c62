/**
 * A small single-page-app episode page: `navigateTo(n)` moves to episode n with
 * history.pushState and rewrites the title, the metadata and the episode's text, as Spotify
 * or YouTube do without a reload. For measuring what the content script keeps across many
 * navigations.
 */
export function spaPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Episode 0 | The Navigating Show</title>
<meta property="og:title" content="Episode 0">
<script type="application/ld+json" id="ld">{"@context":"https://schema.org","@type":"PodcastEpisode","name":"Episode 0","partOfSeries":{"@type":"PodcastSeries","name":"The Navigating Show"}}</script>
<script>
  function navigateTo(n) {
    history.pushState({ n }, '', '/spa/episode-' + n);
    document.title = 'Episode ' + n + ' | The Navigating Show';
    document.querySelector('meta[property="og:title"]').setAttribute('content', 'Episode ' + n);
    document.getElementById('ld').textContent = JSON.stringify({
      '@context': 'https://schema.org', '@type': 'PodcastEpisode', name: 'Episode ' + n,
      partOfSeries: { '@type': 'PodcastSeries', name: 'The Navigating Show' },
    });
    document.querySelector('h1').textContent = 'Episode ' + n;
    var notes = document.getElementById('notes');
    notes.textContent = '';
    for (var i = 0; i < 50; i++) {
      var p = document.createElement('p');
      p.textContent = 'Episode ' + n + ', note ' + i + ': what we talked about and who said it.';
      notes.appendChild(p);
    }
  }
</script>
</head>
<body>
<h1>Episode 0</h1>
<audio controls preload="metadata" src="/episode.wav"></audio>
<section id="notes"></section>
</body>
</html>
`;
}
