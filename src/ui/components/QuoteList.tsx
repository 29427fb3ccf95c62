import type { Participant, Quote } from '../../core/model';
import { formatClock } from '../../core/time';
import { t } from '../i18n';

interface Props {
  quotes: Quote[];
  participants: Participant[];
  onSeek: (timeSec: number) => void;
}

/** The episode's quotes in playback order, each with its time (click to play from there). */
export function QuoteList({ quotes, participants, onSeek }: Props) {
  if (quotes.length === 0) return <p class="empty">{t('popupEmptyQuotes')}</p>;
  const speaker = (id: string | null) => participants.find((p) => p.id === id)?.name;
  return (
    <ol class="quotes" aria-label={t('popupQuotesHeading')}>
      {quotes.map((quote) => (
        <li key={quote.id} class="quote">
          {quote.timeSec === null ? (
            <span class="time muted">{t('popupNoTime')}</span>
          ) : (
            <button
              type="button"
              class="time"
              title={t('popupSeekTitle', formatClock(quote.timeSec))}
              onClick={() => onSeek(quote.timeSec!)}
            >
              {formatClock(quote.timeSec)}
            </button>
          )}
          <blockquote>{quote.text}</blockquote>
          {speaker(quote.speakerId) && <cite>{speaker(quote.speakerId)}</cite>}
        </li>
      ))}
    </ol>
  );
}
