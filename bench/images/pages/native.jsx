import { mount } from './grid.jsx';

mount(({ src, index }) => (
  <img src={src} alt={`cell ${index}`} loading="lazy" decoding="async" width={600} height={400} />
));
