import { useEffect, useState } from 'preact/hooks';
import { clockHasHours } from '../../core/time';
import type { Participant, Quote, Section } from '../../core/model';
import { byPlaybackOrder } from '../../core/quote-order';
import type { QuoteEdit } from '../../store/store';
import { WindowedList, type Reveal } from '../components/WindowedList';
import { focusWhenShown } from '../focus';
import { t } from '../i18n';
import { noteFieldId, QuoteRow } from './QuoteRow';

/** Playback order, the order saved (oldest first), or the newest first (the popup's). */
export type QuoteOrder = 'playback' | 'capture' | 'newest';

/** The key that focuses the newest quote's note, in the popup and the side panel. */
export const NOTE_SHORTCUT = 'Alt+N';

interface Props {
  quotes: Quote[];
  /** Quotes still being read after the first screen: counted, and the list sized for them. */
  unread?: number;
  /** The episode's length, for the one time format (h:mm:ss only for an hour or longer). */
  durationSec: number | null;
  participants: Participant[];
  sections: Section[];
  /**
   * The popup's list: newest first, short rows (time, words, speaker), only the newest one
   * open with its note. The side panel shows every row whole.
   */
  compact?: boolean;
  /** Changes when the note shortcut is pressed: open the newest quote and focus its note. */
  focusNewestNote?: number;
  onSeek: (timeSec: number) => void;
  seekUnavailable: string | null;
  orphans?: ReadonlySet<string>;
  reveal?: Reveal | null;
  onEdit: (id: string, edit: QuoteEdit) => Promise<unknown>;
  onDelete: (quote: Quote) => void;
  onError: (error: unknown) => void;
}

const byCaptureOrder = (a: Quote, b: Quote) => a.order - b.order;
const byNewest = (a: Quote, b: Quote) => b.order - a.order;
const SORTS = { playback: byPlaybackOrder, capture: byCaptureOrder, newest: byNewest };

/** The quote saved last: the one a person is most likely writing a note for. */
export function newestQuote(quotes: readonly Quote[]): Quote | null {
  let newest: Quote | null = null;
  for (const quote of quotes) if (!newest || quote.order > newest.order) newest = quote;
  return newest;
}

/** The episode's quotes, in playback order or in the order they were saved. */
export function Quotes(props: Props) {
  const compact = props.compact ?? false;
  const orders: QuoteOrder[] = compact ? ['newest', 'playback'] : ['playback', 'capture'];
  const [order, setOrder] = useState<QuoteOrder>(orders[0]!);
  const sorted = [...props.quotes].sort(SORTS[order]);
  const total = props.quotes.length + (props.unread ?? 0);
  const hours = clockHasHours(
    props.durationSec,
    props.quotes.map((q) => q.timeSec),
  );
  const newest = newestQuote(props.quotes);
  // The open row: the one the person opened, until a newer quote is saved; then the newest.
  const [chosen, setChosen] = useState<{ id: string | null; newest: string | null }>({
    id: null,
    newest: null,
  });
  const newestId = newest?.id ?? null;
  const expandedId = chosen.newest === newestId ? chosen.id : newestId;
  const toggle = (id: string) => setChosen({ id: id === expandedId ? null : id, newest: newestId });

  // A quote asked for (a highlight clicked, a passage saved before) opens in the popup's list.
  useEffect(() => {
    if (compact && props.reveal) setChosen({ id: props.reveal.key, newest: newestId });
  }, [props.reveal]);

  // The note shortcut: the newest row opens, comes into view and takes the cursor.
  const [revealNewest, setRevealNewest] = useState<Reveal | null>(null);
  useEffect(() => {
    if (!props.focusNewestNote || newestId === null) return;
    setChosen({ id: newestId, newest: newestId });
    setRevealNewest({ key: newestId, nonce: Date.now() });
    // After the list has scrolled the row into view and focused it (WindowedList's reveal).
    focusWhenShown(noteFieldId(newestId), 2);
  }, [props.focusNewestNote]);
  const reveal =
    revealNewest && (!props.reveal || revealNewest.nonce > props.reveal.nonce)
      ? revealNewest
      : props.reveal;

  return (
    <section class="part" aria-labelledby="quotes-heading">
      <div class="part-head">
        {/* In the popup its tab already says it; still a heading for those who navigate by them. */}
        <h2 id="quotes-heading" class={compact ? 'sr-only' : undefined}>
          {total === 0 ? t('popupQuotesHeading') : t('quotesHeadingCount', String(total))}
        </h2>
        {total > 1 && (
          <fieldset class="order">
            <legend class="sr-only">{t('quotesOrderLegend')}</legend>
            {orders.map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="quote-order"
                  value={value}
                  checked={order === value}
                  onChange={() => setOrder(value)}
                />
                {t(ORDER_LABELS[value])}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      {total === 0 ? (
        <p class="empty">{t('popupEmptyQuotes')}</p>
      ) : (
        <WindowedList
          items={sorted}
          keyOf={(quote) => quote.id}
          total={total}
          label={t('popupQuotesHeading')}
          class={compact ? 'quotes compact' : 'quotes'}
          rowClass="quote"
          estimatePx={compact ? 56 : undefined}
          // At 600 px, the popup's list starts ~230 px down: what shows of it in the first frame.
          firstViewportPx={compact ? 370 : undefined}
          reveal={reveal}
          renderItem={(quote) => (
            <QuoteRow
              quote={quote}
              hours={hours}
              compact={
                compact
                  ? {
                      expanded: quote.id === expandedId,
                      onToggle: () => toggle(quote.id),
                      noteShortcut: quote.id === newestId ? NOTE_SHORTCUT : undefined,
                    }
                  : undefined
              }
              participants={props.participants}
              sections={props.sections}
              onSeek={props.onSeek}
              seekUnavailable={props.seekUnavailable}
              orphan={props.orphans?.has(quote.id) ?? false}
              onEdit={props.onEdit}
              onDelete={props.onDelete}
              onError={props.onError}
            />
          )}
        />
      )}
    </section>
  );
}

const ORDER_LABELS: Record<QuoteOrder, string> = {
  playback: 'quotesOrderPlayback',
  capture: 'quotesOrderCapture',
  newest: 'quotesOrderNewest',
};
