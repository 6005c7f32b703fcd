import { LazyComponent } from '@perfkit/react';

const sections = Array.from({ length: 40 }, (_, index) => ({
  id: index,
  title: `Section ${index + 1}`,
  body: 'Rendered only when it came within 200px of the viewport, through one shared IntersectionObserver.',
}));

export function Home() {
  return (
    <section className="home">
      <h1>perfkit demo</h1>
      <p>Scroll down: each card below renders as it comes near the viewport.</p>
      <div className="cards">
        {sections.map((section) => (
          <LazyComponent
            key={section.id}
            minHeight={140}
            placeholder={<div className="card card--placeholder" aria-hidden="true" />}
          >
            <article className="card">
              <h2>{section.title}</h2>
              <p>{section.body}</p>
            </article>
          </LazyComponent>
        ))}
      </div>
    </section>
  );
}
