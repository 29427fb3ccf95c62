import type { EpisodeWords } from '../../core/feeds/episode-words';
import {
  acceptChapters,
  acceptPeople,
  newChapterSections,
  newPeople,
} from '../../core/feeds/offers';
import type { Episode, Quote } from '../../core/model';
import { formatClock } from '../../core/time';
import type { PopupApi } from '../api';
import { reason, t } from '../i18n';

/**
 * The feed's chapters and people, offered for the person to add to their notes: never added
 * on their own, never replacing a section or participant they wrote.
 */
export function FeedOffers(props: {
  api: PopupApi;
  episode: Episode;
  quotes: Quote[];
  words: EpisodeWords;
  onEpisode: (episode: Episode) => void;
  onSaved: () => void;
  onProblem: (problem: string | null) => void;
}) {
  const { api, episode, words } = props;
  const chapters = newChapterSections(episode, words.chapters?.chapters ?? []);
  const people = newPeople(episode, words.people);
  if (chapters.length === 0 && people.length === 0) return null;

  const addChapters = async () => {
    try {
      const current = (await api.store.episode(episode.id)) ?? episode;
      const quotes = await api.store.quotesForEpisode(episode.id);
      const plan = acceptChapters(current, words.chapters?.chapters ?? [], quotes, () =>
        crypto.randomUUID(),
      );
      const updated = await api.store.updateEpisode(episode.id, { sections: plan.sections });
      for (const { quoteId, sectionId } of plan.quoteSections)
        await api.store.updateQuote(quoteId, { sectionId });
      props.onEpisode(updated);
      props.onSaved();
    } catch (error) {
      props.onProblem(t('errorSaveFailed', reason(error)));
    }
  };
  const addPeople = async () => {
    try {
      const updated = await api.store.updateEpisode(episode.id, (current) => ({
        participants: acceptPeople(current, newPeople(current, words.people), () =>
          crypto.randomUUID(),
        ),
      }));
      props.onEpisode(updated);
    } catch (error) {
      props.onProblem(t('errorSaveFailed', reason(error)));
    }
  };

  return (
    <div class="feed-offers">
      {chapters.length > 0 && (
        <div>
          <h3>{t('offersChapters', String(chapters.length))}</h3>
          <ul>
            {chapters.map((c) => (
              <li key={`${c.startTime}-${c.title}`}>
                {formatClock(c.startTime)} {c.title}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void addChapters()}>
            {t('offersAddChapters')}
          </button>
        </div>
      )}
      {people.length > 0 && (
        <div>
          <h3>{t('offersPeople', String(people.length))}</h3>
          <ul>
            {people.map((p) => (
              <li key={p.name}>
                {p.name} <span class="muted">({p.feedRole})</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void addPeople()}>
            {t('offersAddPeople')}
          </button>
        </div>
      )}
    </div>
  );
}
