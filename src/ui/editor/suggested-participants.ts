import type { Episode, Role } from '../../core/model';
import { peopleNotListed } from '../../core/people';
import type { PageState } from '../../messages/schemas';

/**
 * The people the page names who are not participants yet: the editor offers to add them.
 * An episode opened from the library has no page, so nothing is suggested.
 */
export function suggestedParticipants(
  page: PageState | null,
  episode: Episode,
): { name: string; role: Role }[] {
  return page
    ? peopleNotListed(page.detection.episode?.participants ?? [], episode.participants)
    : [];
}
