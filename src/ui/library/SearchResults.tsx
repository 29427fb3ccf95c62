import { useMemo } from 'preact/hooks';
import {
  highlightMatch,
  searchLibrary,
  snippetAround,
  type FieldMatch,
  type SearchField,
  type SearchIndex,
  type SearchMatch,
} from '../../core/search';
import { speakerOf } from '../../core/people';
import { MomentLink } from '../components/MomentLink';
import { t } from '../i18n';
import type { LibraryView } from './episodes';
import { formatCount } from '../format';
import { Highlighted } from './Highlighted';
import { VirtualList } from './VirtualList';

interface Props {
  view: LibraryView;
  index: SearchIndex;
  query: string;
  /** The list's filters, when any are set. */
  episodeIds: ReadonlySet<string> | undefined;
}

/** A result row: three lines of the quote (or title and two snippets) and one of context. */
const HIT_ROW_PX = 120;

const FIELD_LABELS: Record<SearchField, string> = {
  quote: 'libraryFieldQuote',
  note: 'libraryFieldNote',
  speaker: 'libraryFieldSpeaker',
  title: 'libraryFieldTitle',
  show: 'libraryFieldShow',
  summary: 'libraryFieldSummary',
  twoCents: 'libraryFieldTwoCents',
  sectionHeading: 'libraryFieldSection',
  sectionNotes: 'libraryFieldSectionNotes',
  participant: 'libraryFieldParticipant',
  tag: 'libraryFieldTag',
};

/** The episodes, then the quotes, that hold every term; matches are marked in each row. */
export function SearchResults({ view, index, query, episodeIds }: Props) {
  const { result, ms } = useMemo(() => {
    const started = performance.now();
    const found = searchLibrary(index, query, episodeIds ? { episodeIds } : {});
    return { result: found, ms: performance.now() - started };
  }, [index, query, episodeIds]);
  // Keys made once per search: the list asks for every item's key on every render.
  const items = useMemo(
    () => [
      ...result.episodes.map((match) => ({ key: `e:${match.episodeId}`, match })),
      ...result.quotes.map((match) => ({ key: `q:${match.quoteId}`, match })),
    ],
    [result],
  );
  const summary = t(
    'librarySearchSummary',
    formatCount(result.episodes.length),
    formatCount(result.quotes.length),
  );
  return (
    // The time of the last search, for the browser test's report of real keystroke costs.
    <div class="results" data-search-ms={ms.toFixed(2)}>
      <p class="muted" role="status">
        {summary}
      </p>
      {items.length > 0 && (
        <VirtualList
          items={items}
          keyOf={(item) => item.key}
          label={t('librarySearchResultsLabel')}
          class="hits"
          rowClass="hit"
          rowHeight={HIT_ROW_PX}
          renderItem={({ match }) => (
            <Hit match={match} fields={highlightMatch(index, result.terms, match)} view={view} />
          )}
        />
      )}
    </div>
  );
}

function Hit({
  match,
  fields,
  view,
}: {
  match: SearchMatch;
  fields: FieldMatch[];
  view: LibraryView;
}) {
  const row = view.byId.get(match.episodeId);
  const field = (name: SearchField) => fields.find((f) => f.field === name);
  const episodeTitle = (
    <a href={`#episode/${encodeURIComponent(match.episodeId)}`} class="hit-episode">
      {field('title') ? (
        <Highlighted text={field('title')!.text} ranges={field('title')!.ranges} />
      ) : (
        row?.episode.title.trim() || t('libraryUntitled')
      )}
    </a>
  );

  if (match.kind === 'episode') {
    // Two snippets fit a row; the episode's page shows the rest.
    const others = fields.filter((f) => f.field !== 'title').slice(0, 2);
    return (
      <article class="hit-body" aria-label={t('libraryHitEpisode')}>
        <p class="hit-kind">{t('libraryHitEpisode')}</p>
        <h3 class="hit-title">{episodeTitle}</h3>
        {others.map((f, i) => (
          <p key={i} class="hit-field">
            <span class="field-name">{t(FIELD_LABELS[f.field])}: </span>
            <Snippet field={f} />
          </p>
        ))}
      </article>
    );
  }

  const quote = view.quotesById.get(match.quoteId);
  if (!quote) return null;
  const words = field('quote');
  const speaker = field('speaker');
  const note = field('note');
  const speakerName = (row && speakerOf(quote, row.episode.participants)?.name.trim()) ?? '';
  return (
    <article class="hit-body" aria-label={t('libraryHitQuote')}>
      <blockquote class="hit-quote">
        {words ? <Highlighted text={words.text} ranges={words.ranges} /> : quote.text}
      </blockquote>
      <p class="hit-meta">
        {speaker ? (
          <Highlighted text={speaker.text} ranges={speaker.ranges} />
        ) : (
          speakerName || null
        )}
        {(speaker || speakerName) && ' · '}
        {episodeTitle}
        {row && <MomentLink episode={row.episode} timeSec={quote.timeSec} before=" · " />}
      </p>
      {note && (
        <p class="hit-field">
          <span class="field-name">{t('libraryFieldNote')}: </span>
          <Snippet field={note} />
        </p>
      )}
    </article>
  );
}

function Snippet({ field }: { field: FieldMatch }) {
  const snippet = snippetAround(field.text, field.ranges);
  return (
    <>
      {snippet.cutStart && '…'}
      <Highlighted text={snippet.text} ranges={snippet.ranges} />
      {snippet.cutEnd && '…'}
    </>
  );
}
