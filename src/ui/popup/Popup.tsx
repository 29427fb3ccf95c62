import type { PopupApi } from '../api';
import { EpisodeScreen } from '../editor/EpisodeScreen';

/** The toolbar popup: the page's episode, capture, the overview editor and export. */
export function Popup({ api }: { api: PopupApi }) {
  return <EpisodeScreen api={api} mode="popup" />;
}
