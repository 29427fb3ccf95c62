import { useState } from 'preact/hooks';
import type { Participant, Quote, Section } from '../../core/model';
import { byPlaybackOrder } from '../../core/quote-order';
import type { QuoteEdit } from '../../store/store';
import { WindowedList, type Reveal } from '../components/WindowedList';
import { t } from '../i18n';
import { QuoteRow } from './QuoteRow';

export type QuoteOrder = 'playback' | 'capture';

interface Props {
  quotes: Quote[];
  /** Quotes still being read after the first screen: counted, and the list sized for them. */
  unread?: number;
  participants: Participant[];
  sections: Section[];
  onSeek: (timeSec: number) => void;
  seekUnavailable: string | null;
  orphans?: ReadonlySet<string>;
  reveal?: Reveal | null;
  onEdit: (id: string, edit: QuoteEdit) => Promise<unknown>;
  onDelete: (quote: Quote) => void;
  onError: (error: unknown) => void;
}

const byCaptureOrder = (a: Quote, b: Quote) => a.order - b.order;

/** The episode's quotes, in playback order or in the order they were saved. */
export function Quotes(props: Props) {
  const [order, setOrder] = useState<QuoteOrder>('playback');
  const sorted = [...props.quotes].sort(order === 'playback' ? byPlaybackOrder : byCaptureOrder);
  const total = props.quotes.length + (props.unread ?? 0);
  return (
    <section class="part" aria-labelledby="quotes-heading">
      <div class="part-head">
        <h2 id="quotes-heading">
          {total === 0 ? t('popupQuotesHeading') : t('quotesHeadingCount', String(total))}
        </h2>
        {total > 1 && (
          <fieldset class="order">
            <legend class="sr-only">{t('quotesOrderLegend')}</legend>
            {(['playback', 'capture'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="quote-order"
                  value={value}
                  checked={order === value}
                  onChange={() => setOrder(value)}
                />
                {t(value === 'playback' ? 'quotesOrderPlayback' : 'quotesOrderCapture')}
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
          class="quotes"
          rowClass="quote"
          reveal={props.reveal}
          renderItem={(quote) => (
            <QuoteRow
              quote={quote}
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
