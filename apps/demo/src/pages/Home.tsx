import { ProgressiveImage } from '@perfkit/react';
import { PrefetchLink } from '@perfkit/react/router';
import { HERO_SIZES, hero } from '../home/hero';

const TOURS = [
  {
    to: '/feed',
    title: 'Feed',
    text: 'Posts paged by cursor as you scroll, with images that load just in time.',
  },
  {
    to: '/shop',
    title: 'Shop',
    text: 'Five thousand products in a virtualized grid with progressive images.',
  },
  {
    to: '/chat',
    title: 'Chat',
    text: 'Thousands of messages, newest at the bottom, history loaded upwards.',
  },
  { to: '/videos', title: 'Videos', text: 'Clips that fetch only their poster until they come near.' },
  { to: '/upload', title: 'Upload', text: 'Send a photo and see its responsive sizes and placeholder.' },
] as const;

export function Home() {
  return (
    <div className="home">
      <h1>A small social shop, built to be fast</h1>
      <p className="lead">
        Every page below shows one part of perfkit at work: lazy images, infinite scrolling, virtual lists,
        lazy video and route splitting, served by a cached API.
      </p>
      <figure className="hero">
        <ProgressiveImage
          image={hero}
          sizes={HERO_SIZES}
          priority
          alt="A red barn reflected in a pond under a stormy sky"
          className="hero__image"
        />
        <figcaption>Photo: Cindy Branham (Kodak Photo CD sampler).</figcaption>
      </figure>
      <ul className="tours">
        {TOURS.map((tour) => (
          <li key={tour.to} className="card">
            <h2>
              <PrefetchLink to={tour.to}>{tour.title}</PrefetchLink>
            </h2>
            <p>{tour.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
