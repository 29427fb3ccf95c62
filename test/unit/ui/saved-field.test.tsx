import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SavedField } from '../../../src/ui/components/SavedField';
import { SAVE_DELAY_MS } from '../../../src/ui/hooks/useSavedText';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function field(onSave: (text: string) => Promise<unknown>, extra: Record<string, unknown> = {}) {
  return render(<SavedField label="My 2 cents" initial="" multiline onSave={onSave} {...extra} />);
}

describe('a field that saves as the person types', () => {
  it('saves once after typing pauses, not once per keystroke', async () => {
    const onSave = vi.fn(async () => undefined);
    field(onSave);
    const box = screen.getByLabelText('My 2 cents');
    for (const text of ['G', 'Go', 'Goo', 'Good'])
      fireEvent.input(box, { target: { value: text } });
    expect(onSave).not.toHaveBeenCalled();
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('Good'));
    expect(onSave).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
  });

  it('saves at once when the field loses focus', async () => {
    const onSave = vi.fn(async () => undefined);
    field(onSave);
    const box = screen.getByLabelText('My 2 cents');
    fireEvent.input(box, { target: { value: 'Blurred' } });
    fireEvent.blur(box);
    expect(onSave).toHaveBeenCalledWith('Blurred');
  });

  it('saves at once when the page hides or unloads (a popup closing)', () => {
    const onSave = vi.fn(async () => undefined);
    field(onSave);
    const box = screen.getByLabelText('My 2 cents');
    fireEvent.input(box, { target: { value: 'Before pagehide' } });
    dispatchEvent(new Event('pagehide'));
    expect(onSave).toHaveBeenLastCalledWith('Before pagehide');

    fireEvent.input(box, { target: { value: 'Before hidden' } });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    visibility.mockRestore();
    expect(onSave).toHaveBeenLastCalledWith('Before hidden');
  });

  it('saves what is pending when the field goes away', () => {
    const onSave = vi.fn(async () => undefined);
    const { unmount } = field(onSave);
    fireEvent.input(screen.getByLabelText('My 2 cents'), { target: { value: 'Last words' } });
    unmount();
    expect(onSave).toHaveBeenCalledWith('Last words');
  });

  it('keeps the text and says what failed when a save fails, then retries on the next flush', async () => {
    const onSave = vi
      .fn<(text: string) => Promise<unknown>>()
      .mockRejectedValueOnce(new Error('the disk is full'))
      .mockResolvedValue(undefined);
    field(onSave);
    const box = screen.getByLabelText('My 2 cents') as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Precious words' } });
    fireEvent.blur(box);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        "Couldn't save: the disk is full. Your text is still here; try again.",
      ),
    );
    expect(box.value).toBe('Precious words');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    fireEvent.blur(box);
    expect(onSave).toHaveBeenLastCalledWith('Precious words');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
  });

  it('does not save text that breaks the field rule, and says why', async () => {
    const onSave = vi.fn(async () => undefined);
    field(onSave, { validate: (text: string) => (text.trim() ? null : 'Type a name.') });
    const box = screen.getByLabelText('My 2 cents');
    fireEvent.input(box, { target: { value: '  ' } });
    fireEvent.blur(box);
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Type a name.');
  });

  it('shows a newer stored value when nothing typed is waiting, and never overwrites typing', async () => {
    const onSave = vi.fn(async () => undefined);
    const { rerender } = render(
      <SavedField label="Summary" initial="old" onSave={onSave} delayMs={SAVE_DELAY_MS} />,
    );
    const box = screen.getByLabelText('Summary') as HTMLInputElement;
    rerender(<SavedField label="Summary" initial="from the other view" onSave={onSave} />);
    expect(box.value).toBe('from the other view');
    fireEvent.input(box, { target: { value: 'mine' } });
    rerender(<SavedField label="Summary" initial="stale" onSave={onSave} />);
    expect(box.value).toBe('mine');
    await pause(SAVE_DELAY_MS + 50);
    expect(onSave).toHaveBeenCalledWith('mine');
  });
});

describe('words typed just before the page closes', () => {
  const never = () => new Promise<never>(() => undefined);

  it('are kept as a draft when the save cannot finish, and saved when the field is back', async () => {
    const first = render(
      <SavedField label="My 2 cents" initial="" onSave={never} draftKey="ep-1:twoCents" />,
    );
    fireEvent.input(screen.getByLabelText('My 2 cents'), { target: { value: 'Last words' } });
    // The popup closes: its save starts but the document is gone before it finishes.
    dispatchEvent(new Event('pagehide'));
    first.unmount();

    const onSave = vi.fn(async () => undefined);
    render(<SavedField label="My 2 cents" initial="" onSave={onSave} draftKey="ep-1:twoCents" />);
    expect((screen.getByLabelText('My 2 cents') as HTMLInputElement).value).toBe('Last words');
    expect(onSave).toHaveBeenCalledWith('Last words');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(Object.keys(localStorage)).toEqual([]);
  });

  it('are dropped, not applied, when the field was changed elsewhere since', () => {
    const first = render(
      <SavedField label="Summary" initial="v1" onSave={never} draftKey="ep-1:summary" />,
    );
    fireEvent.input(screen.getByLabelText('Summary'), { target: { value: 'v1 and more' } });
    dispatchEvent(new Event('pagehide'));
    first.unmount();

    const onSave = vi.fn(async () => undefined);
    render(
      <SavedField
        label="Summary"
        initial="v2 from the side panel"
        onSave={onSave}
        draftKey="ep-1:summary"
      />,
    );
    expect((screen.getByLabelText('Summary') as HTMLInputElement).value).toBe(
      'v2 from the side panel',
    );
    expect(onSave).not.toHaveBeenCalled();
    expect(Object.keys(localStorage)).toEqual([]);
  });

  it('leave nothing behind once saved normally', async () => {
    const onSave = vi.fn(async () => undefined);
    render(<SavedField label="Summary" initial="" onSave={onSave} draftKey="ep-1:summary" />);
    fireEvent.input(screen.getByLabelText('Summary'), { target: { value: 'Typed' } });
    dispatchEvent(new Event('pagehide'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(Object.keys(localStorage)).toEqual([]);
  });
});
