import { render } from 'preact';
import { browserApi } from '../api';
import { EpisodeScreen } from '../editor/EpisodeScreen';
import { browserWordsApi } from '../words/api';
import { lazyTranscriptPanel } from '../words/LazyTranscriptPanel';
import '../theme.css';

// The side panel stays open while the person listens: the same editor as the popup, following
// the active tab (or `?tab=ID`). Opened as a tab with `?episode=ID` (the library's Edit link),
// it edits that stored episode with no page behind it.
// The transcript panel (issue 13) lives here only: the popup never fetches.
const Transcript = lazyTranscriptPanel(browserWordsApi());
// Where the panel's own work starts (the benchmark reports the part before it apart).
performance.mark('earmark:start');
render(
  <EpisodeScreen api={browserApi()} mode="panel" Transcript={Transcript} />,
  document.getElementById('app')!,
);
