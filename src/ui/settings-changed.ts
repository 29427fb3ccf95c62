/**
 * Tells the extension's other open pages that the library's settings changed, so that a side
 * panel already open follows a setting switched on in the library ("Look for transcripts
 * automatically") without being opened again. The message says only that: each page reads
 * the settings back from the store and checks them as it does at start.
 */
const CHANNEL = 'earmark-settings';

export function announceSettingsChanged(): void {
  const channel = new BroadcastChannel(CHANNEL);
  // Delivered to the other pages' channels as it is posted: closing ours loses nothing.
  channel.postMessage('changed');
  channel.close();
}

/** Calls `listener` when another page of the extension changed the settings; returns a stop. */
export function onSettingsChanged(listener: () => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
