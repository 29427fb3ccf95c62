import type { ComponentChildren } from 'preact';
import type { EpisodeSeed } from '../../core/episode';
import type { PageState } from '../../messages/schemas';
import { t } from '../i18n';

interface Props {
  /** The episode the page is about, as detection found it (not stored yet). */
  seed: EpisodeSeed;
  detection: PageState['detection'];
  /** Capture and export: they work before the episode is stored (capture stores it). */
  actions: ComponentChildren;
  /** "Start notes": store the episode, so that its overview's parts can be filled in. */
  onStart: () => void;
}

/**
 * A tab's page whose episode is not in the library yet: what was detected, the capture bar,
 * and "Start notes" (even for a page that is no episode).
 */
export function NewEpisodeScreen({ seed, detection, actions, onStart }: Props) {
  return (
    <>
      <header>
        <h1 class="title">{seed.title.trim() || t('popupUntitled')}</h1>
        {seed.show && <p class="show">{seed.show}</p>}
        {detection.kind !== 'episode' && (
          <p class="muted">{t(detection.kind === 'media' ? 'popupMediaOnly' : 'popupNoEpisode')}</p>
        )}
      </header>
      {actions}
      <section class="part" aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">{t('popupQuotesHeading')}</h2>
        <p class="empty">{t('popupEmptyQuotes')}</p>
      </section>
      <section class="part" aria-labelledby="start-heading">
        <h2 id="start-heading">{t('startHeading')}</h2>
        <p class="muted">{t('startHint')}</p>
        <button type="button" onClick={onStart}>
          {t('startButton')}
        </button>
      </section>
    </>
  );
}
