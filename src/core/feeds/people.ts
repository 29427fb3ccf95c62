/**
 * `podcast:person` → a name with the taxonomy's role and group, and the Earmark role it fits.
 * The namespace says: role defaults to "host", group to "cast", both case-insensitive. A role
 * Earmark has no word for keeps the feed's own word (a "Producer" is not an "other").
 */
import type { Role } from '../model';
import { PERSON_TAXONOMY } from './person-taxonomy';

const MAX_NAME = 200;

export function readPerson(
  name: string,
  role: string | undefined,
  group: string | undefined,
): { name: string; role: string; group: string } | null {
  const cleanName = name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
  if (!cleanName) return null;
  return {
    name: cleanName,
    role: normalise(role) || 'host',
    group: normalise(group) || 'cast',
  };
}

function normalise(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 100);
}

/** Taxonomy roles that are one of Earmark's own: the rest keep the feed's word. */
const EARMARK_ROLE: Readonly<Record<string, Role>> = {
  host: 'host',
  'co-host': 'co-host',
  guest: 'guest',
  narrator: 'narrator',
};

/** The Earmark role for a feed role, or null when none fits (keep the feed's word then). */
export function earmarkRole(feedRole: string): Role | null {
  return EARMARK_ROLE[feedRole.toLowerCase()] ?? null;
}

/** Whether the role is one the taxonomy lists (in any group, or in the given one). */
export function isTaxonomyRole(role: string, group?: string): boolean {
  const r = role.toLowerCase();
  if (group !== undefined) return PERSON_TAXONOMY[group.toLowerCase()]?.includes(r) ?? false;
  return Object.values(PERSON_TAXONOMY).some((roles) => roles.includes(r));
}
