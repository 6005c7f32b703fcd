import { LazyVideo } from '@perfkit/react';
import { useLoaderData } from 'react-router-dom';
import type { videosLoader } from '../routes/loaders';

/** The clips in public/videos are 320x180; the box is reserved from that ratio. */
const WIDTH = 320;
const HEIGHT = 180;

export default function Videos() {
  const { items: videos } = useLoaderData<typeof videosLoader>();

  return (
    <section className="videos">
      <h1>Videos</h1>
      <p className="lead">
        Each clip costs only its poster until it comes near, and plays only while half of it is on screen.
      </p>
      <ul className="video-list">
        {videos.map((video) => (
          <li key={video.id}>
            <figure>
              <LazyVideo
                sources={video.sources}
                poster={video.poster}
                width={WIDTH}
                height={HEIGHT}
                autoPlay
                loop
                aria-label={video.title}
                className="video"
                fallback={<img src={video.poster} alt={video.title} width={WIDTH} height={HEIGHT} />}
              />
              <figcaption>{video.title}</figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}
