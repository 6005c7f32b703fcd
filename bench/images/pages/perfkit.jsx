import { LazyImage } from '@perfkit/react';
import { mount } from './grid.jsx';

mount(({ src, index }) => (
  <LazyImage
    src={src}
    alt={`cell ${index}`}
    width={600}
    height={400}
    style={{ display: 'block' }}
    placeholder="#eee"
  />
));
