import { useState } from 'preact/hooks';
import type { Episode } from '../../core/model';
import { formatClock } from '../../core/time';
import { isWebUrl } from '../../core/web-url';
import { SavedField } from '../components/SavedField';
import { formatDay } from '../format';
import { t } from '../i18n';
import type { EpisodeChange } from './episode-writer';

interface Props {
  episode: Episode;
  edit: (change: EpisodeChange) => Promise<unknown>;
}

const titleRequired = (title: string) => (title.trim() === '' ? t('errorTitleEmpty') : null);

/**
 * Date, duration and link; title and show are editable (detection can be wrong). Loaded with
 * the episode's details, after the first render: the popup shows them on its Overview tab.
 */
export function EpisodeFacts({ episode, edit }: Props) {
  const [editing, setEditing] = useState(false);
  const facts = [
    episode.publishedAt && t('headerPublished', formatDay(episode.publishedAt)),
    episode.durationSec !== null && t('headerDuration', formatClock(episode.durationSec)),
  ].filter((fact): fact is string => typeof fact === 'string');
  return (
    <>
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
    </>
  );
}
