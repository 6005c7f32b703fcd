import { useEffect, useLayoutEffect } from 'react';

// useLayoutEffect warns during server rendering (React 18); useEffect is the harmless stand-in there.
export const useIsomorphicLayoutEffect = typeof window !== 'undefined' ? useLayoutEffect : useEffect;
