import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchIndex } from '../../core/search';
import { recordKind } from '../../core/episode';
import { t } from '../i18n';
import {
  EPISODE_SORTS,
  facetsOf,
  filterRows,
  NO_FILTER,
  sortRows,
  type EpisodeFilter,
  type EpisodeRow,
  type EpisodeSort,
  type LibraryView,
} from './episodes';
import type { MarkdownExportMode } from './export';
import { formatCount, formatDay } from '../format';
import { SearchResults } from './SearchResults';
import { VirtualList } from './VirtualList';
import { Welcome } from './Welcome';
import { TagChips } from './TagChips';

interface Props {
  view: LibraryView;
  index: SearchIndex;
  query: string;
  onQuery: (query: string) => void;
  sort: EpisodeSort;
  onSort: (sort: EpisodeSort) => void;
  filter: EpisodeFilter;
  onFilter: (filter: EpisodeFilter) => void;
  selected: ReadonlySet<string>;
  onSelect: (selected: ReadonlySet<string>) => void;
  onExport: (ids: readonly string[], mode: MarkdownExportMode) => Promise<void>;
  onDelete: (ids: readonly string[]) => Promise<void>;
}

/** An episode row: title, facts and tags on one line each (library.css clips the rest). */
const EPISODE_ROW_PX = 88;

const SORT_LABELS: Record<EpisodeSort, string> = {
  edited: 'librarySortEdited',
  published: 'librarySortPublished',
  show: 'librarySortShow',
};

/** The episodes list with its search, order, filters and bulk actions; a welcome when empty. */
export function EpisodesView(props: Props) {
  const { view, filter, selected } = props;
  const facets = useMemo(() => facetsOf(view.rows), [view]);
  const filtered = useMemo(() => filterRows(view.rows, filter), [view, filter]);
  const rows = useMemo(() => sortRows(filtered, props.sort), [filtered, props.sort]);
  const filtering = filter.show !== null || filter.speaker !== null || filter.tag !== null;
  const allowed = useMemo(
    () => (filtering ? new Set(filtered.map((r) => r.episode.id)) : undefined),
    [filtered, filtering],
  );

  if (view.rows.length === 0) return <Welcome />;

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    props.onSelect(next);
  };

  return (
    <section aria-labelledby="episodes-heading">
      <h2 id="episodes-heading" class="sr-only">
        {t('libraryTabEpisodes')}
      </h2>
      <div class="toolbar">
        <label class="search">
          <span class="sr-only">{t('librarySearchLabel')}</span>
          <input
            type="search"
            value={props.query}
            placeholder={t('librarySearchPlaceholder')}
            onInput={(event) => props.onQuery((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <Picker
          label={t('librarySortLabel')}
          value={props.sort}
          options={EPISODE_SORTS.map((s) => ({ value: s, label: t(SORT_LABELS[s]) }))}
          onChange={(value) => props.onSort(value as EpisodeSort)}
        />
        <FilterPicker
          label={t('libraryFilterShow')}
          values={facets.shows}
          value={filter.show}
          onChange={(show) => props.onFilter({ ...filter, show })}
        />
        <FilterPicker
          label={t('libraryFilterSpeaker')}
          values={facets.speakers}
          value={filter.speaker}
          onChange={(speaker) => props.onFilter({ ...filter, speaker })}
        />
        <FilterPicker
          label={t('libraryFilterTag')}
          values={facets.tags}
          value={filter.tag}
          onChange={(tag) => props.onFilter({ ...filter, tag })}
        />
        {filtering && (
          <button type="button" onClick={() => props.onFilter(NO_FILTER)}>
            {t('libraryFilterClear')}
          </button>
        )}
      </div>
      <BulkBar
        view={view}
        selected={selected}
        onClear={() => props.onSelect(new Set())}
        onExport={props.onExport}
        onDelete={props.onDelete}
      />
      {props.query.trim() !== '' ? (
        <SearchResults view={view} index={props.index} query={props.query} episodeIds={allowed} />
      ) : (
        <EpisodeList rows={rows} selected={selected} onToggle={toggle} onSelect={props.onSelect} />
      )}
    </section>
  );
}

function Picker(props: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  // Named by a separate label, not a wrapping one: a wrapping label would add the chosen
  // option's text to the select's accessible name ("Show All").
  const id = useId();
  return (
    <span class="picker">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}

/** A filter over one facet; the empty value means "all". Hidden when there is nothing to pick. */
function FilterPicker(props: {
  label: string;
  values: string[];
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  if (props.values.length === 0 && props.value === null) return null;
  const values =
    props.value !== null && !props.values.includes(props.value)
      ? [props.value, ...props.values]
      : props.values;
  return (
    <Picker
      label={props.label}
      value={props.value ?? ''}
      options={[
        { value: '', label: t('libraryFilterAll') },
        ...values.map((v) => ({ value: v, label: v })),
      ]}
      onChange={(value) => props.onChange(value === '' ? null : value)}
    />
  );
}

function EpisodeList(props: {
  rows: EpisodeRow[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  onSelect: (selected: ReadonlySet<string>) => void;
}) {
  const { rows, selected } = props;
  const all = useRef<HTMLInputElement>(null);
  const chosen = rows.filter((r) => selected.has(r.episode.id)).length;
  useEffect(() => {
    // "Some selected" has no HTML attribute: it is a property only.
    if (all.current) all.current.indeterminate = chosen > 0 && chosen < rows.length;
  });
  if (rows.length === 0) return <p class="empty">{t('libraryNoEpisodesMatch')}</p>;
  return (
    <>
      <div class="list-head">
        <label>
          <input
            type="checkbox"
            ref={all}
            checked={chosen === rows.length}
            onChange={(event) => {
              const on = (event.currentTarget as HTMLInputElement).checked;
              const next = new Set(selected);
              for (const r of rows) {
                if (on) next.add(r.episode.id);
                else next.delete(r.episode.id);
              }
              props.onSelect(next);
            }}
          />{' '}
          {t('librarySelectAll', formatCount(rows.length))}
        </label>
      </div>
      <VirtualList
        items={rows}
        keyOf={(r) => r.episode.id}
        label={t('libraryEpisodesLabel')}
        class="episodes"
        rowClass="episode-row"
        rowHeight={EPISODE_ROW_PX}
        renderItem={(row) => (
          <EpisodeItem
            row={row}
            selected={selected.has(row.episode.id)}
            onToggle={(on) => props.onToggle(row.episode.id, on)}
          />
        )}
      />
    </>
  );
}

function EpisodeItem(props: {
  row: EpisodeRow;
  selected: boolean;
  onToggle: (on: boolean) => void;
}) {
  const { episode, quoteCount, lastEdited } = props.row;
  const title = episode.title.trim() || t('libraryUntitled');
  const facts = [
    recordKind(episode) === 'page' && t('librarySavedPage'),
    episode.show.trim(),
    episode.publishedAt && t('libraryPublished', formatDay(episode.publishedAt)),
    t('libraryEdited', formatDay(lastEdited)),
  ].filter((fact): fact is string => typeof fact === 'string' && fact !== '');
  return (
    <div class="episode-item">
      <input
        type="checkbox"
        checked={props.selected}
        aria-label={t('librarySelectEpisode', title)}
        onChange={(event) => props.onToggle((event.currentTarget as HTMLInputElement).checked)}
      />
      <div class="episode-main">
        <a class="episode-title" href={`#episode/${encodeURIComponent(episode.id)}`}>
          {title}
        </a>
        <p class="facts">{facts.join(' · ')}</p>
        <TagChips tags={episode.tags} />
      </div>
      <span class="count">{t('libraryQuoteCount', formatCount(quoteCount))}</span>
    </div>
  );
}

/** What can be done with the selected episodes: export, or delete after a confirmation. */
function BulkBar(props: {
  view: LibraryView;
  selected: ReadonlySet<string>;
  onClear: () => void;
  onExport: (ids: readonly string[], mode: MarkdownExportMode) => Promise<void>;
  onDelete: (ids: readonly string[]) => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const ids = [...props.selected].filter((id) => props.view.byId.has(id));
  useEffect(() => {
    // Focus the safe choice: Enter on a confirmation should not destroy anything.
    if (confirming) cancel.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (ids.length === 0) setConfirming(false);
  }, [ids.length]);
  if (ids.length === 0) return null;

  const quotes = ids.reduce((sum, id) => sum + (props.view.byId.get(id)?.quoteCount ?? 0), 0);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="bulk" role="region" aria-label={t('libraryBulkLabel')}>
      <span>{t('librarySelectedCount', formatCount(ids.length))}</span>
      <button type="button" disabled={busy} onClick={() => run(() => props.onExport(ids, 'file'))}>
        {t('libraryExportFile')}
      </button>
      <button type="button" disabled={busy} onClick={() => run(() => props.onExport(ids, 'zip'))}>
        {t('libraryExportZip')}
      </button>
      <button type="button" class="danger" disabled={busy} onClick={() => setConfirming(true)}>
        {t('libraryDelete')}
      </button>
      <button type="button" disabled={busy} onClick={props.onClear}>
        {t('librarySelectNone')}
      </button>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-delete-text">
          <p id="confirm-delete-text">
            {t('libraryDeleteConfirm', formatCount(ids.length), formatCount(quotes))}
          </p>
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={() =>
              run(async () => {
                setConfirming(false);
                await props.onDelete(ids);
              })
            }
          >
            {t('libraryDeleteConfirmed')}
          </button>
          <button type="button" ref={cancel} onClick={() => setConfirming(false)}>
            {t('libraryCancel')}
          </button>
        </div>
      )}
    </div>
  );
}
