import { useState } from 'preact/hooks';
import type { Episode } from '../../core/model';
import { formatClock } from '../../core/time';
import { SavedField } from '../components/SavedField';
import { t } from '../i18n';
import type { EpisodeChange } from './episode-writer';
import { isWebUrl } from './References';

interface Props {
  episode: Episode;
  edit: (change: EpisodeChange) => Promise<unknown>;
}

/**
 * A date for people. Date-only values ("2026-10-14") are read as that calendar day everywhere:
 * parsed as local midnight they would show the day before west of Greenwich.
 */
export function formatPublished(iso: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, {
    dateStyle: 'medium',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  });
}

const titleRequired = (title: string) => (title.trim() === '' ? t('errorTitleEmpty') : null);

/** Title, show, date, duration and link; title and show are editable (detection can be wrong). */
export function EpisodeHeader({ episode, edit }: Props) {
  const [editing, setEditing] = useState(false);
  const facts = [
    episode.publishedAt && t('headerPublished', formatPublished(episode.publishedAt)),
    episode.durationSec !== null && t('headerDuration', formatClock(episode.durationSec)),
  ].filter((fact): fact is string => typeof fact === 'string');
  return (
    <header>
      <h1 class="title">{episode.title.trim() || t('popupUntitled')}</h1>
      {episode.show.trim() && <p class="show">{episode.show}</p>}
      <p class="meta muted">
        {facts.join(' · ')}
        {facts.length > 0 && isWebUrl(episode.url) && ' · '}
        {isWebUrl(episode.url) && (
          <a href={episode.url} target="_blank" rel="noreferrer">
            {t('headerOpenEpisode')}
          </a>
        )}
      </p>
      <button
        type="button"
        class="link-button"
        aria-expanded={editing}
        aria-controls={editing ? 'episode-details' : undefined}
        onClick={() => setEditing(!editing)}
      >
        {t(editing ? 'headerDoneEditing' : 'headerEdit')}
      </button>
      {editing && (
        <div id="episode-details">
          <SavedField
            id="episode-title"
            draftKey={`${episode.id}:title`}
            label={t('headerTitleLabel')}
            initial={episode.title}
            validate={titleRequired}
            onSave={(title) => edit(() => ({ title }))}
            autoFocus
          />
          <SavedField
            id="episode-show"
            draftKey={`${episode.id}:show`}
            label={t('headerShowLabel')}
            initial={episode.show}
            onSave={(show) => edit(() => ({ show }))}
          />
        </div>
      )}
    </header>
  );
}
