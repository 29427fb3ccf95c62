import { t } from './i18n';

/**
 * Told by the store when a schema upgrade waits for another Earmark page (an old popup, side
 * panel or library tab) to close its connection. The person sees why nothing loads yet and what
 * to do. The page's request goes on by itself once they close, and its data then appears.
 */
export function showUpgradeBlocked(): void {
  if (document.getElementById('earmark-upgrade-blocked')) return;
  const banner = document.createElement('p');
  banner.id = 'earmark-upgrade-blocked';
  banner.className = 'notice error';
  banner.setAttribute('role', 'alert');
  banner.textContent = t('errorUpgradeBlocked');
  document.body.prepend(banner);
}
