// Times ThumbHash → data URL in the page: distinct hashes (the last byte varied), so none is cached.
import { thumbHashToDataURL } from '@perfkit/react';
import hashes from '../../../test/fixtures/images/thumbhashes.json';

window.__timeThumbHashes = (count) => {
  const bases = Object.values(hashes).map((hash) =>
    Uint8Array.from(atob(hash), (char) => char.charCodeAt(0)),
  );
  const times = [];
  for (let index = 0; index < count; index++) {
    const bytes = bases[index % bases.length].slice();
    bytes[bytes.length - 1] = index % 256;
    bytes[bytes.length - 2] = (index >> 8) % 256;
    const hash = btoa(String.fromCharCode(...bytes));
    const start = performance.now();
    thumbHashToDataURL(hash);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
};
