/**
 * The words of a folded search text as rows of `value` (the text holds letters, digits and single
 * spaces), as SQL over the column or expression `text`. The triggers that keep
 * `identity_search_words` and the bulk rebuild after a deferral split texts with this one expression.
 */
export const searchWordsOf = (text: string): string =>
  `json_each('["' || replace(replace(replace(replace(replace(replace(${text}, '\\', '\\\\'), '"', '\\"'), char(9), ' '), char(10), ' '), char(13), ' '), ' ', '","') || '"]')`;
