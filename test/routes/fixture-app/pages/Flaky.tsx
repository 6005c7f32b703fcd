export default function FlakyPage() {
  return <h1>Flaky page</h1>;
}
