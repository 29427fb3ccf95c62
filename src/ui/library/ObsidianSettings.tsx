/** Where "Send to Obsidian" writes (issue 14): a vault and a folder, both by name. */
import { t } from '../i18n';
import type { LibrarySettings, ObsidianSetting } from './settings';

interface Props {
  settings: LibrarySettings;
  onChange: (settings: LibrarySettings) => Promise<void>;
}

export function ObsidianSettings({ settings, onChange }: Props) {
  const set = (change: Partial<ObsidianSetting>) =>
    void onChange({ ...settings, obsidian: { ...settings.obsidian, ...change } });
  const value = (event: Event) => (event.currentTarget as HTMLInputElement).value;
  return (
    <section class="panel-section" aria-labelledby="obsidian-heading">
      <h2 id="obsidian-heading">{t('libraryObsidianHeading')}</h2>
      <div class="text-setting">
        <label for="obsidian-vault">{t('libraryObsidianVault')}</label>
        <input
          id="obsidian-vault"
          type="text"
          value={settings.obsidian.vault}
          onInput={(event) => set({ vault: value(event) })}
        />
      </div>
      <div class="text-setting">
        <label for="obsidian-folder">{t('libraryObsidianFolder')}</label>
        <input
          id="obsidian-folder"
          type="text"
          value={settings.obsidian.folder}
          onInput={(event) => set({ folder: value(event) })}
        />
      </div>
    </section>
  );
}
