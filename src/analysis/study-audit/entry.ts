/**
 * Reading a reference entry as a study: its first author's surname and its title, in the common
 * styles (APA/Harvard "Smith, J. (2019). Title." and Vancouver "Smith J, Lee K. Title. Journal").
 */

const LEADING_MARKS = /^\s*(?:(?:\[\d{1,4}\]|\d{1,4}[.)])\s*)?[*∗†‡]?\s*/;
const PARTICLES = '(?:van|von|de|der|den|da|di|del|la|le|du|dos|das)';
const SURNAME = new RegExp(String.raw`^((?:${PARTICLES}\s+){0,2}\p{Lu}[\p{L}'’]+(?:-\p{Lu}?[\p{L}'’]+)?)`, 'u');

export function firstAuthorSurname(entry: string): string | null {
  const text = entry.replace(LEADING_MARKS, '');
  return SURNAME.exec(text)?.[1] ?? null;
}

/** The title: after "(2019)." in author–year styles, else after the author list ("… Lee K."). */
export function entryTitle(entry: string): string {
  const text = entry.replace(LEADING_MARKS, '');
  const afterYear = /\((?:19|20)\d\d[a-z]?(?:, [^)]{1,20})?\)[.,:]?\s+/.exec(text);
  let rest: string;
  if (afterYear) rest = text.slice(afterYear.index + afterYear[0].length);
  else {
    // Vancouver: the author list ends with initials and a full stop ("Smith J, Lee KA.", "… et al.").
    const authors = /^.*?(?:\b\p{Lu}{1,3}|et al)\.\s+/u.exec(text);
    rest = authors ? text.slice(authors[0].length) : text;
  }
  const end = /[.?!](?:\s|$)/.exec(rest);
  const title = (end ? rest.slice(0, end.index + (end[0].startsWith('.') ? 0 : 1)) : rest).trim();
  return title || text.slice(0, 160);
}
