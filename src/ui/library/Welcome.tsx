import { t } from '../i18n';

/**
 * What an empty library shows: how to get the first quote in. (The repository's demo page is
 * a developer's tool served by `npm run demo`, not something a person who installed the
 * extension has, so it is not mentioned here.)
 */
export function Welcome() {
  return (
    <section class="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('libraryWelcomeTitle')}</h2>
      <p>{t('libraryWelcomeIntro')}</p>
      <ol class="steps">
        <li>{t('libraryWelcomeStepOpen')}</li>
        <li>{t('libraryWelcomeStepHighlight')}</li>
        <li>{t('libraryWelcomeStepSave')}</li>
      </ol>
      <p>{t('libraryWelcomeAfter')}</p>
      <p>
        {t('libraryWelcomeRestore')} <a href="#backup">{t('libraryWelcomeRestoreLink')}</a>
      </p>
    </section>
  );
}
