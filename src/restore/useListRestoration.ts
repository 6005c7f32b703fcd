import { useCallback, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import type { VirtualListHandle, VirtualListState } from '../list/types';

export interface ListRestoration {
  /** Put it on the VirtualList or VirtualGrid as `ref`. */
  ref: (handle: VirtualListHandle | null) => void;
  /** Pass it to the list as `initialState`: undefined on a first visit. */
  initialState: VirtualListState | undefined;
}

// History entries are few and states small (an offset and the measured sizes): a bounded in-memory map
// covers back and forward within the app without serialising anything.
const MAX_ENTRIES = 50;
const saved = new Map<string, VirtualListState>();

function remember(key: string, state: VirtualListState) {
  saved.delete(key);
  saved.set(key, state);
  if (saved.size > MAX_ENTRIES) saved.delete(saved.keys().next().value as string);
}

/**
 * Brings a virtual list back to the rows the user left when they return to a page with the browser's back
 * or forward buttons: the state is kept per history entry (react-router's `location.key`), so a new visit
 * to the same URL starts at the top. `id` tells several lists on one page apart.
 */
export function useListRestoration(id = 'list'): ListRestoration {
  const key = `${useLocation().key}\u0000${id}`;
  const [initialState] = useState(() => saved.get(key));
  const handle = useRef<VirtualListHandle | null>(null);
  const ref = useCallback(
    (next: VirtualListHandle | null) => {
      // The list hands over null as it unmounts, while its state can still be read from the old handle.
      if (!next && handle.current) remember(key, handle.current.getState());
      handle.current = next;
    },
    [key],
  );
  return { ref, initialState };
}
