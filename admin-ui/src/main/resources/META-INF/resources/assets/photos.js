// Technicians' photos, shared by the technicians' page and the console: uploading one, checking files
// before they are sent, and showing stored ones. Photos are fetched with the staff token (an <img src>
// cannot carry it) and shown from blob: URLs.
import { apiRaw, el, ApiError } from '/assets/common.js';

export const MAX_PHOTOS = 10;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** Why this file cannot be sent, in Chinese, or null. The server checks again by the file's bytes. */
export function photoProblem(file) {
  if (!['image/jpeg', 'image/png'].includes(file.type)) return `“${file.name}”不是 JPEG 或 PNG 照片。`;
  if (file.size > MAX_PHOTO_BYTES) return `“${file.name}”超过 5 MB，请压缩后再传。`;
  if (file.size === 0) return `“${file.name}”是空文件。`;
  return null;
}

/** Uploads one file as it is; the answer is the stored photo ({id, url, width, height, …}). */
export async function uploadPhoto(file) {
  const response = await apiRaw('POST', '/api/tech-photos', file, file.type || 'application/octet-stream');
  return response.json();
}

/**
 * Uploads files in turn, reporting progress; a file uploaded before (a retry after one failed) is not sent
 * again. Throws an Error naming the file that was refused; the ones before it stay uploaded for the retry.
 */
export async function uploadAll(files, uploaded, progress) {
  const ids = [];
  for (const [i, file] of files.entries()) {
    if (!uploaded.has(file)) {
      progress(`正在上传照片 ${i + 1}/${files.length}…`);
      try {
        uploaded.set(file, (await uploadPhoto(file)).id);
      } catch (e) {
        const reason = e instanceof ApiError ? e.message : String(e);
        throw new Error(`照片“${file.name}”上传失败：${reason}`);
      }
    }
    ids.push(uploaded.get(file));
  }
  progress('');
  return ids;
}

const loaded = new Map();

/** A blob: URL for a stored photo, fetched once per page. */
export function photoBlobUrl(url) {
  if (!loaded.has(url)) {
    loaded.set(url, apiRaw('GET', url).then(r => r.blob()).then(b => URL.createObjectURL(b))
      .catch(e => { loaded.delete(url); throw e; }));
  }
  return loaded.get(url);
}

/** Thumbnails of stored photos; a click opens the full picture in a new tab. */
export function photoStrip(photos) {
  return el('div', { class: 'photos', testid: 'photo-strip' }, photos.map(p => {
    const img = el('img', { alt: `照片（${p.width}×${p.height}）`, testid: 'photo', 'data-id': p.id });
    const link = el('a', { target: '_blank', rel: 'noopener', title: '查看原图' }, img);
    photoBlobUrl(p.url).then(src => { img.src = src; link.href = src; },
      () => { img.replaceWith(el('span', { class: 'muted' }, '照片无法加载')); });
    return link;
  }));
}

/** Local previews of chosen files, each with a button to take it out again. */
export function previewStrip(files, remove) {
  return el('div', { class: 'photos' }, files.map((f, i) => {
    const src = URL.createObjectURL(f);
    return el('figure', { class: 'preview', testid: 'photo-preview' },
      el('img', { src, alt: f.name, onload: () => URL.revokeObjectURL(src) }),
      el('figcaption', {}, f.name),
      el('button', { type: 'button', title: '移除', onclick: () => remove(i) }, '×'));
  }));
}
