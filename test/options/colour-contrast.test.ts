import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COLOURS,
  HIGHLIGHT_CATEGORIES,
  checkHighlight,
  contrastRatio,
  highlightCss,
  schemeForBackground,
} from '../../src/shared/colour-contrast';

describe('contrast of highlight colours', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    // WCAG's own example grey: #777 on white is just under 4.5:1.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('keeps page text readable with every default colour, on light and dark pages', () => {
    for (const c of HIGHLIGHT_CATEGORIES) {
      expect(checkHighlight(DEFAULT_COLOURS[c].light, 'light').readable, `${c} light`).toBe(true);
      expect(checkHighlight(DEFAULT_COLOURS[c].dark, 'dark').readable, `${c} dark`).toBe(true);
    }
  });

  it('warns when a colour makes text hard to read or would not show, and says the default is painted instead', () => {
    const darkOnLight = checkHighlight('#333333', 'light');
    expect(darkOnLight.readable).toBe(false);
    expect(darkOnLight.message).toMatch(/below 4\.5:1.*default colour is painted instead/);
    expect(checkHighlight('#fefefe', 'light').message).toMatch(/would not show.*default colour is painted instead/);
    expect(checkHighlight('#fff176', 'light').message).not.toMatch(/default/);
    const paleOnDark = checkHighlight('#ffff00', 'dark');
    expect(paleOnDark.readable).toBe(false);
    expect(checkHighlight('#fdfdfd', 'light').invisible).toBe(true);
    expect(checkHighlight('#fff176', 'light').invisible).toBe(false);
  });

  it('tells dark pages from light ones by their background', () => {
    expect(schemeForBackground('rgb(18, 18, 18)')).toBe('dark');
    expect(schemeForBackground('rgb(255, 255, 255)')).toBe('light');
    expect(schemeForBackground('rgba(0, 0, 0, 0)')).toBe('light');
    expect(schemeForBackground('rgb(30 30 40 / 1)')).toBe('dark');
  });
});

describe('highlight CSS', () => {
  it('paints each category in the colour chosen for the page scheme', () => {
    const colours = structuredClone(DEFAULT_COLOURS);
    colours.term = { light: '#aabbcc', dark: '#223344' };
    expect(highlightCss(colours, 'light')).toContain('::highlight(critical-reader-term) { background-color: #aabbcc; color: #111111; }');
    expect(highlightCss(colours, 'dark')).toContain('::highlight(critical-reader-term) { background-color: #223344; color: #eeeeee; }');
    for (const c of HIGHLIGHT_CATEGORIES) expect(highlightCss(colours, 'light')).toContain(`::highlight(critical-reader-${c})`);
  });

  it('paints the default instead of a colour that hides the text or is the page colour (1.0:1)', () => {
    const colours = structuredClone(DEFAULT_COLOURS);
    colours.term = { light: '#ffffff', dark: '#ffff00' };
    colours.note = { light: '#333333', dark: '#121212' };
    expect(highlightCss(colours, 'light')).toContain(`::highlight(critical-reader-term) { background-color: ${DEFAULT_COLOURS.term.light};`);
    expect(highlightCss(colours, 'dark')).toContain(`::highlight(critical-reader-term) { background-color: ${DEFAULT_COLOURS.term.dark};`);
    expect(highlightCss(colours, 'light')).toContain(`::highlight(critical-reader-note) { background-color: ${DEFAULT_COLOURS.note.light};`);
    expect(highlightCss(colours, 'dark')).toContain(`::highlight(critical-reader-note) { background-color: ${DEFAULT_COLOURS.note.dark};`);
  });

  it('never writes a stored value that is not a colour into the page', () => {
    const css = highlightCss({ term: { light: '#fff} body { display:none } x{', dark: '#000' } }, 'light');
    expect(css).not.toContain('display:none');
    expect(css).toContain(`::highlight(critical-reader-term) { background-color: ${DEFAULT_COLOURS.term.light};`);
  });
});
