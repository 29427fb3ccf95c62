/**
 * Who a person is: the one rule for "same person" (a typed name, a guessed speaker, a name on
 * the page, a filter value), and the participant a quote is attributed to. Every room asks
 * here rather than compare names its own way.
 */
import type { Participant, Quote, Role } from './model';

/** A name's words as people read it: no case, accents, punctuation or extra spaces. */
function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** The key two names share when they name the same person ("José  O'Brien" ~ "jose obrien"). */
export function personKey(name: string): string {
  return nameWords(name).join(' ');
}

/** Same person, however the name was typed: case, accents, punctuation and spacing aside. */
export function samePerson(a: string, b: string): boolean {
  return personKey(a) === personKey(b);
}

/** The participant a quote is attributed to; undefined when nobody is (or they were removed). */
export function speakerOf<P extends Pick<Participant, 'id'>>(
  quote: Pick<Quote, 'speakerId'>,
  participants: readonly P[],
): P | undefined {
  return quote.speakerId === null ? undefined : participants.find((p) => p.id === quote.speakerId);
}

/**
 * The people a page names (its metadata) who aren't participants yet, each once, in the
 * page's order: what the editor suggests adding. A person without a role joins as a guest.
 */
export function peopleNotListed(
  named: readonly { name: string; role?: Role }[],
  participants: readonly Pick<Participant, 'name'>[],
): { name: string; role: Role }[] {
  const known = new Set(participants.map((p) => personKey(p.name)));
  const result: { name: string; role: Role }[] = [];
  for (const person of named) {
    const name = person.name.trim();
    if (!name || known.has(personKey(name))) continue;
    known.add(personKey(name));
    result.push({ name, role: person.role ?? 'guest' });
  }
  return result;
}

/**
 * The participant a guessed name refers to: the same name ignoring case, accents, punctuation
 * and spacing; else, when only one participant fits, the same first or last name ("Travis" is
 * "Travis Albritton", "Albritton" too) or the same first and last names ("Kevin M. Finn").
 * Null when nobody or more than one fits: then the caller asks, rather than guess wrong.
 */
export function matchParticipant<P extends Pick<Participant, 'name'>>(
  name: string,
  participants: readonly P[],
): P | null {
  const guessed = nameWords(name);
  if (guessed.length === 0) return null;
  const keys = participants.map((p) => nameWords(p.name));
  const same = keys.findIndex((key) => key.join(' ') === guessed.join(' '));
  if (same >= 0) return participants[same]!;

  const fits = (key: string[]): boolean => {
    if (key.length === 0) return false;
    const [short, long] = key.length <= guessed.length ? [key, guessed] : [guessed, key];
    if (short.length === 1) return short[0] === long[0] || short[0] === long[long.length - 1];
    return short[0] === long[0] && short[short.length - 1] === long[long.length - 1];
  };
  const candidates = participants.filter((_, i) => fits(keys[i]!));
  return candidates.length === 1 ? candidates[0]! : null;
}
