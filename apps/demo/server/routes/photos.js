// The sample photos with their credits and manifests (the Home page's hero and the credits list).

/** @param {import('../app.js').Deps} deps */
export function registerPhotoRoutes({ app, cached, photos }) {
  app.get('/api/photos', cached({ namespace: 'photos', ttl: 3600, query: [] }), async (_req, res) => {
    const list = [...photos.photos.values()];
    const images = await photos.manifests(list.map((photo) => photo.id));
    res.json({
      items: list.map((photo) => ({ id: photo.id, credit: photo.credit, image: images.get(photo.id) })),
    });
  });
}
