// The origin every contender sits in front of: a 20 ms "query" returning a ~5 KB JSON product.
const DESCRIPTION = 'A sturdy lamp with a brushed steel arm and a linen shade. '.repeat(6);

export function product(id) {
  const reviews = [];
  for (let i = 0; i < 64; i++) {
    reviews.push({
      user: `user-${(i * 7919) % 1000}`,
      stars: 1 + (i % 5),
      text: `Review ${i} of product ${id}: solid.`,
    });
  }
  return {
    id,
    name: `Product ${id}`,
    price: 1999 + (Number.parseInt(id, 10) || 0),
    currency: 'EUR',
    description: DESCRIPTION,
    tags: ['lighting', 'home', 'steel', 'linen'],
    stock: { warehouse: 'berlin', count: 42 },
    reviews,
  };
}

export function createOrigin() {
  const counter = { calls: 0 };
  async function load(id) {
    counter.calls++;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return product(id);
  }
  return { counter, load };
}
