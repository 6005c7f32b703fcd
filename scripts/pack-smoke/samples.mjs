// One sample per public export, keyed by entry point. A component sample renders it to a string and says
// what the HTML must contain; a hook sample renders a component that calls it; other functions are called.
import { renderToString } from 'react-dom/server';

const html = (element, expect) => ({ html: renderToString(element), expect });
const hook = (h, use, expect) =>
  html(
    h(function Probe() {
      return h('output', null, String(use()));
    }),
    expect,
  );

export const samples = {
  '@perfkit/react': {
    LazyComponent: ({ h, m }) =>
      html(
        h(m.LazyComponent, { minHeight: 80, placeholder: h('i', null, 'wait') }, 'content'),
        'min-height:80px',
      ),
    useLazyLoad: ({ h, m }) => hook(h, () => m.useLazyLoad().isVisible, 'false'),
    observe: ({ m }) => {
      if (typeof m.observe !== 'function') throw new Error('observe is not a function');
    },
    getObserverStats: ({ m }) => {
      const stats = m.getObserverStats();
      if (stats.observers !== 0) throw new Error('observers on the server');
    },
  },
};
