import { useState } from 'preact/hooks';
import { recordKind } from '../../core/episode';
import type { Episode, Quote } from '../../core/model';
import { speakerOf } from '../../core/people';
import { formatClock } from '../../core/time';
import { participantName, roleLabel } from '../components/roles';
import { MomentLink } from '../components/MomentLink';
import { t } from '../i18n';
import type { EpisodeRow } from './episodes';
import { webHref } from '../../core/web-url';
import { formatDay } from '../format';
import { TagChips } from './TagChips';

interface Props {
  row: EpisodeRow | null;
  quotes: readonly Quote[];
  onExport: (episodeId: string) => Promise<void>;
}

/**
 * The side panel's editor for one stored episode, as a page of its own: it needs no tab, so
 * an episode can be edited from the library without its page open. Absolute, because the
 * library and the side panel are both pages of the extension's own origin.
 */
export function editorHref(episodeId: string): string {
  return `/src/ui/sidepanel/index.html?episode=${encodeURIComponent(episodeId)}`;
}

/** Quotes shown at first; more on request, so an episode with thousands opens at once. */
export const QUOTES_PER_PAGE = 200;

/**
 * One episode's overview, read-only, in the overview's order: the link, intro, participants,
 * sections with their quotes, my 2 cents, every quote with a link to its moment, references.
 * Editing happens in the side panel's editor, opened in a tab for this episode (Edit).
 */
export function EpisodeView({ row, quotes, onExport }: Props) {
  const [shown, setShown] = useState(QUOTES_PER_PAGE);
  if (!row) {
    return (
      <section class="episode-view">
        <p class="notice error">{t('libraryEpisodeMissing')}</p>
        <a href="#episodes">{t('libraryBack')}</a>
      </section>
    );
  }
  const { episode } = row;
  const href = webHref(episode.url);
  const facts = [
    recordKind(episode) === 'page' && t('librarySavedPage'),
    episode.show.trim(),
    episode.publishedAt && t('libraryPublished', formatDay(episode.publishedAt)),
    episode.durationSec !== null && t('libraryDuration', formatClock(episode.durationSec)),
  ].filter((fact): fact is string => typeof fact === 'string' && fact !== '');

  return (
    <article class="episode-view" aria-labelledby="episode-title">
      <p>
        <a href="#episodes">{t('libraryBack')}</a>
      </p>
      <h2 id="episode-title" class="episode-heading">
        {episode.title.trim() || t('libraryUntitled')}
      </h2>
      <p class="facts">{facts.join(' · ')}</p>
      <div class="actions">
        <a
          class="button"
          href={editorHref(episode.id)}
          target="_blank"
          rel="noopener"
          title={t('libraryEditTitle')}
        >
          {t('libraryEdit')}
        </a>
        {href && (
          <a class="button" href={href} target="_blank" rel="noopener noreferrer">
            {t('libraryOpenEpisode')}
          </a>
        )}
        <button type="button" onClick={() => void onExport(episode.id)}>
          {t('libraryExportOne')}
        </button>
      </div>

      {episode.summary.trim() && <Paragraphs text={episode.summary} />}

      {episode.participants.length > 0 && (
        <section>
          <h3>{t('libraryParticipants')}</h3>
          <ul class="plain">
            {episode.participants.map((p) => (
              <li key={p.id}>
                {participantName(p)} <span class="muted">({roleLabel(p.role)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {episode.sections.map((section) => (
        <section key={section.id}>
          <h3>{section.heading.trim() || t('libraryUntitledSection')}</h3>
          {section.notes.trim() && <Paragraphs text={section.notes} />}
        </section>
      ))}

      {episode.twoCents.trim() && (
        <section>
          <h3>{t('libraryTwoCents')}</h3>
          <Paragraphs text={episode.twoCents} />
        </section>
      )}

      <section aria-labelledby="episode-quotes">
        <h3 id="episode-quotes">{t('libraryQuotesHeading', String(quotes.length))}</h3>
        {quotes.length === 0 ? (
          <p class="empty">{t('libraryNoQuotes')}</p>
        ) : (
          <ol class="overview-quotes">
            {quotes.slice(0, shown).map((quote) => (
              <QuoteItem
                key={quote.id}
                quote={quote}
                episode={episode}
                speaker={speakerOf(quote, episode.participants)?.name.trim() ?? ''}
                section={episode.sections.find((s) => s.id === quote.sectionId)?.heading ?? ''}
              />
            ))}
          </ol>
        )}
        {quotes.length > shown && (
          <button type="button" onClick={() => setShown((n) => n + QUOTES_PER_PAGE)}>
            {t('libraryShowMore', String(Math.min(QUOTES_PER_PAGE, quotes.length - shown)))}
          </button>
        )}
      </section>

      {episode.references.length > 0 && (
        <section>
          <h3>{t('libraryReferences')}</h3>
          <ul class="plain">
            {episode.references.map((ref, i) => {
              const link = webHref(ref.url);
              const label = ref.title.trim() || ref.url;
              return (
                <li key={i}>
                  {link ? (
                    <a href={link} target="_blank" rel="noopener noreferrer">
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <TagChips tags={episode.tags} />
    </article>
  );
}

function QuoteItem(props: { quote: Quote; episode: Episode; speaker: string; section: string }) {
  const { quote, episode } = props;
  return (
    <li class="overview-quote">
      <MomentLink
        episode={episode}
        timeSec={quote.timeSec}
        fallback={
          <span class="time muted">
            {quote.timeSec === null ? t('libraryNoTime') : formatClock(quote.timeSec)}
          </span>
        }
      />
      <div>
        <blockquote>{quote.text}</blockquote>
        {(props.speaker || props.section) && (
          <p class="muted">{[props.speaker, props.section.trim()].filter(Boolean).join(' · ')}</p>
        )}
        {quote.note.trim() && <p class="quote-note">{quote.note}</p>}
      </div>
    </li>
  );
}

/** Blank-line separated paragraphs; single line breaks stay (CSS pre-line). */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i} class="prose">
            {p.trim()}
          </p>
        ))}
    </>
  );
}
