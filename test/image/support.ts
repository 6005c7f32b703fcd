/** A namespace of the image test server, unique per call, with helpers to read what it served. */
export function imageServer() {
  const ns = `t${Math.random().toString(36).slice(2, 10)}`;
  return {
    url: (mode: 'ok' | 'missing' | 'held', fixture: string, query = '') =>
      `/__images/${ns}/${mode}/${fixture}${query}`,
    log: async (): Promise<string[]> => (await fetch(`/__images/${ns}/log`)).json(),
    release: () => fetch(`/__images/${ns}/release`),
  };
}

export function nextFrames(count = 2): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  });
}
