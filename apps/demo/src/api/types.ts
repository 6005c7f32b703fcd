import type { ImageManifest } from '@perfkit/react';

export type { ImageManifest };

export interface User {
  id: number;
  username: string;
  displayName: string;
}

export interface Post {
  id: number;
  author: User;
  body: string;
  createdAt: string;
  likeCount: number;
  commentCount: number;
  image: ImageManifest | null;
}

export interface Comment {
  id: number;
  author: User;
  body: string;
  createdAt: string;
}

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Product {
  id: number;
  name: string;
  category: string;
  priceCents: number;
  rating: number;
  image: ImageManifest;
}

export interface Review {
  id: number;
  author: string | User;
  rating: number;
  body: string;
  createdAt: string;
}

export interface ProductDetail {
  product: Product & { stock: number };
  reviews: Review[];
}

export interface Message {
  id: number;
  sender: User;
  body: string;
  createdAt: string;
}

export interface Conversation {
  id: number;
  title: string;
}

export interface Video {
  id: string;
  title: string;
  poster: string;
  sources: { src: string; type: string }[];
}

export interface UploadResult {
  id: string;
  manifest: ImageManifest;
  dominantColor: string | null;
  /** The manifest's placeholder (a data URL, a ThumbHash and the mean colour), or a data URL alone. */
  placeholder: string | ImageManifest['placeholder'];
  sizes: { width: number; height: number; format: string; bytes: number; url: string }[];
}
