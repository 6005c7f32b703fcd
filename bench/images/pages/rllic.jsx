import { LazyLoadImage } from 'react-lazy-load-image-component';
import { mount } from './grid.jsx';

mount(({ src, index }) => (
  <LazyLoadImage
    src={src}
    alt={`cell ${index}`}
    width="100%"
    height="100%"
    className="lazy"
    wrapperClassName="lazy"
  />
));
