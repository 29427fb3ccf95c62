import { ROLES, type Participant, type Role, type Section } from '../../core/model';
import { t } from '../i18n';

/** _locales keys may not hold hyphens, so each role names its own message. */
const ROLE_KEYS: Record<Role, string> = {
  host: 'roleHost',
  'co-host': 'roleCoHost',
  guest: 'roleGuest',
  interviewer: 'roleInterviewer',
  narrator: 'roleNarrator',
  other: 'roleOther',
};

export const roleOptions = () => ROLES.map((role) => ({ role, label: t(ROLE_KEYS[role]) }));

export const roleLabel = (role: Role) => t(ROLE_KEYS[role]);

export const isRole = (value: string): value is Role =>
  (ROLES as readonly string[]).includes(value);

/** What a person is called in pickers: a blank name still has to be choosable. */
export const participantName = (p: Participant) => p.name.trim() || t('participantUnnamed');

/** A section's heading, or its place when it has none yet. */
export const sectionName = (section: Section, index: number) =>
  section.heading.trim() || t('sectionUntitled', String(index + 1));
