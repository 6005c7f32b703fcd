import { LazyImage } from '@perfkit/react';
import { mount } from './grid.jsx';

// One style object for every cell, as our docs advise: alike boxes then share theirs.
const block = { display: 'block' };

mount(({ src, index }) => (
  <LazyImage src={src} alt={`cell ${index}`} width={600} height={400} style={block} placeholder="#eee" />
));
