import type { ComponentChildren } from 'preact';
import { recordKind } from '../../core/episode';
import type { Episode } from '../../core/model';
import { t } from '../i18n';

interface Props {
  episode: Episode;
  /** Side panel: the date, duration and link under the title (EpisodeFacts, loaded later). */
  facts?: ComponentChildren;
  compact?: boolean;
}

/**
 * The episode's title and show. In the popup (`compact`) they share one line, cut with an
 * ellipsis (the whole title in its tooltip), and the facts move to the Overview tab.
 */
export function EpisodeHeader({ episode, facts, compact = false }: Props) {
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
      {!compact && facts}
    </header>
  );
}
