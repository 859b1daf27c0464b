/** The URL parameter that carries a search's terms to the article opened from a result. */
export const HIGHLIGHT_PARAM = 'hl';
