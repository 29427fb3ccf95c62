import { describe, expect, it } from 'vitest';
import { readableDocuments } from '../../src/core/frames';

const page = (body: string) =>
  new DOMParser().parseFromString(`<html><body>${body}</body></html>`, 'text/html');

/** Gives each `<iframe>` of `doc` the document a browser would expose (null: cross-origin). */
function frame(doc: Document, inner: (index: number) => Document | null): void {
  doc.querySelectorAll('iframe').forEach((el, index) => {
    Object.defineProperty(el, 'contentDocument', { value: inner(index) });
  });
}

describe('readableDocuments', () => {
  it('reaches same-origin frames, nested ones too, and skips cross-origin ones', () => {
    const top = page('<iframe></iframe><iframe></iframe>');
    const transcript = page('<iframe></iframe><p>words</p>');
    const nested = page('<audio></audio>');
    frame(transcript, () => nested);
    frame(top, (i) => (i === 0 ? null : transcript));
    expect(readableDocuments(top)).toEqual([top, transcript, nested]);
  });

  it('stops at 16 documents, and looks at 64 frames of one document at most', () => {
    const many = page('<iframe></iframe>'.repeat(40));
    frame(many, () => page('<p>x</p>'));
    expect(readableDocuments(many)).toHaveLength(16);

    const farm = page('<iframe></iframe>'.repeat(100));
    const asked: number[] = [];
    farm.querySelectorAll('iframe').forEach((el, i) => {
      Object.defineProperty(el, 'contentDocument', {
        get: () => {
          asked.push(i);
          return null;
        },
      });
    });
    expect(readableDocuments(farm)).toEqual([farm]);
    expect(asked).toHaveLength(64);
  });
});
