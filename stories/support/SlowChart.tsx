// A stand-in for a heavy component (a chart library) that LazyComponent loads on demand.
export default function SlowChart({ title }: { title: string }) {
  const bars = [40, 75, 55, 90, 65, 80];
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>{title}</figcaption>
      <svg width="240" height="100" role="img" aria-label={`${title} chart`}>
        {bars.map((height, index) => (
          <rect key={index} x={index * 40 + 4} y={100 - height} width={32} height={height} fill="#4a7" />
        ))}
      </svg>
    </figure>
  );
}
