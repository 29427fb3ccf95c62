import { useState } from 'preact/hooks';
import { recordKind } from '../../core/episode';
import type { Episode } from '../../core/model';
import { formatClock } from '../../core/time';
import { isWebUrl } from '../../core/web-url';
import { SavedField } from '../components/SavedField';
import { t } from '../i18n';
import type { EpisodeChange } from './episode-writer';
import { formatDay } from '../format';

interface Props {
  episode: Episode;
  edit: (change: EpisodeChange) => Promise<unknown>;
}

const titleRequired = (title: string) => (title.trim() === '' ? t('errorTitleEmpty') : null);

/** Title, show, date, duration and link; title and show are editable (detection can be wrong). */
export function EpisodeHeader({ episode, edit }: Props) {
  const [editing, setEditing] = useState(false);
  const facts = [
    episode.publishedAt && t('headerPublished', formatDay(episode.publishedAt)),
    episode.durationSec !== null && t('headerDuration', formatClock(episode.durationSec)),
  ].filter((fact): fact is string => typeof fact === 'string');
  return (
    <header>
      <h1 class="title">{episode.title.trim() || t('popupUntitled')}</h1>
      {recordKind(episode) === 'page' && <p class="record-kind muted">{t('savedPageLabel')}</p>}
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
