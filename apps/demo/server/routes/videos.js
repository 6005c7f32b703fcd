// The video feed. The clips are static files of the client (public/videos); this only lists them.

const VIDEOS = [
  { id: 'clip-1', title: 'Bouncing ball' },
  { id: 'clip-2', title: 'Dancing bars' },
  { id: 'clip-3', title: 'Spinning square' },
].map(({ id, title }) => ({
  id,
  title,
  poster: `/videos/${id}.jpg`,
  sources: [{ src: `/videos/${id}.webm`, type: 'video/webm' }],
}));

/** @param {import('../app.js').Deps} deps */
export function registerVideoRoutes({ app, cached }) {
  app.get('/api/videos', cached({ strategy: 'VIDEO_LIST', query: [] }), (_req, res) => {
    res.json({ items: VIDEOS });
  });
}
