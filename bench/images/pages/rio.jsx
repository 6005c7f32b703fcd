import { useInView } from 'react-intersection-observer';
import { mount } from './grid.jsx';

// One style object for every cell, as for perfkit's page.
const fill = { width: '100%', height: '100%' };

function Cell({ src, index }) {
  const { ref, inView } = useInView({ triggerOnce: true });
  return (
    <div ref={ref} style={fill}>
      {inView && <img src={src} alt={`cell ${index}`} decoding="async" width={600} height={400} />}
    </div>
  );
}
mount(Cell);
