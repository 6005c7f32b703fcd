export default function AboutPage() {
  return <h1>About page</h1>;
}
