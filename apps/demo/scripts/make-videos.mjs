// Regenerates public/videos/clip-1..3.webm and their posters (no ffmpeg needed): Chromium draws each clip
// on a canvas and MediaRecorder encodes it as VP8 WebM; the poster is the first frame as a JPEG.
// Run once: `node scripts/make-videos.mjs`. All drawing is ours (see public/videos/LICENSES.md).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '../public/videos');
const SECONDS = 3;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage();
for (const clip of [1, 2, 3]) {
  const { video, poster } = await page.evaluate(
    async ({ clip, seconds }) => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 180;
      const context = canvas.getContext('2d');
      // Three looks, so the feed shows three different clips.
      const draw = (t) => {
        const hue = (clip * 120 + t * 90) % 360;
        context.fillStyle = `hsl(${hue} 60% 35%)`;
        context.fillRect(0, 0, 320, 180);
        context.fillStyle = '#fff';
        if (clip === 1) {
          const x = 20 + Math.abs(Math.sin(t * Math.PI)) * 260;
          context.beginPath();
          context.arc(x, 90 + Math.sin(t * 6) * 40, 22, 0, Math.PI * 2);
          context.fill();
        } else if (clip === 2) {
          for (let bar = 0; bar < 8; bar++) {
            const height = 30 + Math.abs(Math.sin(t * 4 + bar)) * 110;
            context.fillRect(24 + bar * 36, 170 - height, 24, height);
          }
        } else {
          context.save();
          context.translate(160, 90);
          context.rotate(t * Math.PI);
          context.fillRect(-50, -50, 100, 100);
          context.restore();
        }
        context.font = 'bold 20px sans-serif';
        context.fillText(`clip ${clip}`, 12, 28);
      };
      draw(0);
      const poster = canvas.toDataURL('image/jpeg', 0.8);
      const recorder = new MediaRecorder(canvas.captureStream(25), {
        mimeType: 'video/webm;codecs=vp8',
        videoBitsPerSecond: 250_000,
      });
      const chunks = [];
      recorder.ondataavailable = (event) => chunks.push(event.data);
      const stopped = new Promise((resolve) => {
        recorder.onstop = resolve;
      });
      recorder.start();
      const started = performance.now();
      await new Promise((resolve) => {
        const frame = (now) => {
          const t = (now - started) / 1000;
          draw(t);
          if (t < seconds) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      recorder.stop();
      await stopped;
      const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return { video: btoa(binary), poster: poster.slice(poster.indexOf(',') + 1) };
    },
    { clip, seconds: SECONDS },
  );
  writeFileSync(join(out, `clip-${clip}.webm`), Buffer.from(video, 'base64'));
  writeFileSync(join(out, `clip-${clip}.jpg`), Buffer.from(poster, 'base64'));
  console.log(
    `clip-${clip}: ${Buffer.from(video, 'base64').length} bytes, poster ${Buffer.from(poster, 'base64').length} bytes`,
  );
}
await browser.close();
