export default function GonePage() {
  return <h1>Gone page</h1>;
}
