export default function BrokenPage() {
  return <h1>Broken page</h1>;
}
