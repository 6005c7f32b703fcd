import { ProgressiveImage } from '@perfkit/react';
import { memo } from 'react';
import type { Post } from '../api/types';
import { formatDateTime } from '../format';
import { FEED_IMAGE_SIZES } from '../routes/imageSizes';
import { Comments } from './Comments';

export const PostCard = memo(function PostCard({ post }: { post: Post }) {
  const headingId = `post-${post.id}`;
  return (
    <article className="post" aria-labelledby={headingId}>
      <header className="post__header">
        <h2 id={headingId} className="post__author">
          {post.author.displayName} <span className="muted">@{post.author.username}</span>
        </h2>
        <time className="muted" dateTime={post.createdAt}>
          {formatDateTime(post.createdAt)}
        </time>
      </header>
      <p className="post__body">{post.body}</p>
      {post.image && (
        <ProgressiveImage
          image={post.image}
          sizes={FEED_IMAGE_SIZES}
          alt={`Photo shared by ${post.author.displayName}`}
          className="post__image"
        />
      )}
      <footer className="post__footer muted">
        <span>{post.likeCount} likes</span>
        <Comments postId={post.id} count={post.commentCount} />
      </footer>
    </article>
  );
});
