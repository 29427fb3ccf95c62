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

/**
 * The episode's title and show. In the popup (`compact`) they share one line, cut with an
 * ellipsis (the whole title in its tooltip), and the facts move to the Episode tab.
 */
export function EpisodeHeader({ episode, edit, compact = false }: Props & { compact?: boolean }) {
  const title = episode.title.trim() || t('popupUntitled');
  const show = episode.show.trim();
  return (
    <header class={compact ? 'episode-line' : undefined}>
      <h1 class="title" title={compact ? title : undefined}>
        {title}
      </h1>
      {recordKind(episode) === 'page' && <p class="record-kind muted">{t('savedPageLabel')}</p>}
      {show && (
        <p class="show" title={compact ? show : undefined}>
          {episode.show}
        </p>
      )}
      {!compact && <EpisodeFacts episode={episode} edit={edit} />}
    </header>
  );
}

/** Date, duration and link; title and show are editable (detection can be wrong). */
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
