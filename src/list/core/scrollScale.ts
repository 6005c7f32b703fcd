// Chromium stops growing an element at 33,554,428 px (Firefox near 17.9M). Past this size the scroll range
// is scaled: the scrollbar spans MAX_SCROLL_SIZE px, one px of it stands for `ratio` px of content, and the
// rows are placed relative to the current scroll position so they keep their real spacing on screen (see
// `rescale` in createVirtualizer).
export const MAX_SCROLL_SIZE = 15_000_000;
