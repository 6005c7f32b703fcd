import { ProgressiveImage, thumbHashToDataURL } from '@perfkit/react';
import { type FormEvent, useId, useState } from 'react';
import { postForm } from '../api/client';
import type { UploadResult } from '../api/types';
import { formatBytes } from '../format';

function placeholderURL({ placeholder }: UploadResult) {
  if (typeof placeholder === 'string') return placeholder;
  return (
    placeholder.dataURL ?? (placeholder.thumbhash ? thumbHashToDataURL(placeholder.thumbhash) : undefined)
  );
}

export default function Upload() {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [state, setState] = useState<'idle' | 'uploading' | 'error'>('idle');
  const [message, setMessage] = useState('');
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('image', file);
    setState('uploading');
    try {
      setResult(await postForm<UploadResult>('/api/uploads', form));
      setState('idle');
    } catch (error) {
      setMessage((error as Error).message);
      setState('error');
    }
  };

  const preview = result && placeholderURL(result);
  return (
    <section className="upload">
      <h1>Upload a photo</h1>
      <p className="lead">
        The server decodes it, makes AVIF, WebP and JPEG renditions at several widths, a tiny placeholder and
        its dominant colour.
      </p>
      <form onSubmit={submit} className="upload__form">
        <label htmlFor={inputId}>Photo (JPEG, PNG, WebP or AVIF)</label>
        <input
          id={inputId}
          name="image"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <button type="submit" disabled={!file || state === 'uploading'}>
          {state === 'uploading' ? 'Uploading…' : 'Upload'}
        </button>
      </form>
      {state === 'error' && <p role="alert">The upload failed: {message}</p>}
      {result && (
        <div className="upload__result" aria-live="polite">
          <h2>Your photo</h2>
          <ProgressiveImage
            image={result.manifest}
            sizes="(min-width: 632px) 600px, calc(100vw - 32px)"
            alt="The photo you uploaded"
            className="upload__image"
          />
          <div className="upload__facts">
            {preview && (
              <figure>
                <img src={preview} alt="Its placeholder, a few pixels wide" className="upload__placeholder" />
                <figcaption>Placeholder ({formatBytes(preview.length)} inline)</figcaption>
              </figure>
            )}
            {result.dominantColor && (
              <figure>
                <div className="upload__swatch" style={{ background: result.dominantColor }} />
                <figcaption>
                  Dominant colour <code>{result.dominantColor}</code>
                </figcaption>
              </figure>
            )}
          </div>
          <table className="upload__sizes">
            <caption>Responsive sizes</caption>
            <thead>
              <tr>
                <th scope="col">Format</th>
                <th scope="col">Size</th>
                <th scope="col">Bytes</th>
                <th scope="col">File</th>
              </tr>
            </thead>
            <tbody>
              {result.sizes.map((size) => (
                <tr key={size.url}>
                  <td>{size.format}</td>
                  <td>
                    {size.width}×{size.height}
                  </td>
                  <td>{formatBytes(size.bytes)}</td>
                  <td>
                    <a href={size.url}>
                      Open {size.width}px {size.format}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
