import type { ComponentChildren } from 'preact';
import { deepLink } from '../../core/deeplink';
import type { Episode } from '../../core/model';
import { formatClock } from '../../core/time';
import { webHref } from '../../core/web-url';
import { t } from '../i18n';

interface Props {
  episode: Pick<Episode, 'url' | 'platform'>;
  /** The quote's moment; null for a quote saved without a time. */
  timeSec: number | null;
  /** Shown before the link, only with it (a separator in a line of facts). */
  before?: string;
  /** Shown instead when there is no link to make. */
  fallback?: ComponentChildren;
}

/**
 * A quote's time as a link that opens its page at that moment, in a new tab (the library's
 * quotes). Nothing, or `fallback`, when the quote has no time or its page no web address.
 */
export function MomentLink({ episode, timeSec, before, fallback = null }: Props) {
  if (timeSec === null || !webHref(episode.url)) return <>{fallback}</>;
  const clock = formatClock(timeSec);
  return (
    <>
      {before}
      <a
        class="time"
        href={deepLink(episode, timeSec)}
        target="_blank"
        rel="noopener noreferrer"
        title={t('libraryOpenAtTime', clock)}
      >
        {clock}
      </a>
    </>
  );
}
