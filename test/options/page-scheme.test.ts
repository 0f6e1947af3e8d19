// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_COLOURS, highlightCss, pageScheme } from '../../src/shared/colour-contrast';

afterEach(() => {
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
});

describe('page scheme for highlight colours', () => {
  it('uses the dark colours on a page with a dark background, the light ones otherwise', () => {
    expect(pageScheme(document)).toBe('light');
    document.body.style.backgroundColor = 'rgb(20, 22, 25)';
    expect(pageScheme(document)).toBe('dark');
    document.body.removeAttribute('style');
    document.documentElement.style.backgroundColor = '#101010';
    expect(pageScheme(document)).toBe('dark');
  });

  it('styles the <mark> fallback the same way where the Highlight API is missing', () => {
    const css = highlightCss(DEFAULT_COLOURS, 'dark', { marks: true });
    expect(css).toContain(`mark.critical-reader-mark[data-category="note"] { background-color: ${DEFAULT_COLOURS.note.dark}; color: #eeeeee; }`);
    expect(css).not.toContain('::highlight');
  });
});
