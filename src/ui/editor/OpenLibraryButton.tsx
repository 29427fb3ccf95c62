import type { PopupApi } from '../api';
import { t } from '../i18n';

/**
 * Every episode and quote, search, backup and settings live in the library (the options
 * page): reachable from the popup and the side panel whatever the tab shows.
 */
export function OpenLibraryButton({
  api,
  onError,
}: {
  api: PopupApi;
  onError: (error: unknown) => void;
}) {
  return (
    <button type="button" onClick={() => api.openLibrary().catch(onError)}>
      {t('openLibrary')}
    </button>
  );
}
