// Formatting by hand rather than with Intl: the first Intl formatter of a page loads locale data, which
// took 25 ms (100 ms at Lighthouse's 4x CPU slowdown) on the shop's first render. English only.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(value).padStart(2, '0');

/** 5000 → "5,000" */
export const formatCount = (value: number) => String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 849900 → "$8,499.00" */
export const formatPrice = (cents: number) =>
  `$${formatCount(Math.floor(cents / 100))}.${pad(Math.abs(Math.round(cents)) % 100)}`;

/** "14:05" in the reader's time zone */
export const formatTime = (iso: string) => {
  const date = new Date(iso);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/** "29 Nov 2026, 14:05" in the reader's time zone */
export const formatDateTime = (iso: string) => {
  const date = new Date(iso);
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}, ${formatTime(iso)}`;
};

export const formatBytes = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
