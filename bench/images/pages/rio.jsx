import { useInView } from 'react-intersection-observer';
import { mount } from './grid.jsx';

function Cell({ src, index }) {
  const { ref, inView } = useInView({ triggerOnce: true });
  return (
    <div ref={ref} style={{ width: '100%', height: '100%' }}>
      {inView && <img src={src} alt={`cell ${index}`} decoding="async" width={600} height={400} />}
    </div>
  );
}
mount(Cell);
