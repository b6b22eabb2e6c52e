/** Saves a Blob under `name` through a temporary link (the browser's own download, no new tab). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file name the server chose (Content-Disposition, RFC 5987 form first), or `fallback`. */
export function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // a malformed name falls back to the plain one
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

export interface DownloadedFile {
  blob: Blob;
  name: string;
}

/** The body of a successful `parseAs: 'blob'` call and the file name the server gave it. */
export function downloadedFile(result: { data?: unknown; response: Response }, fallback: string): DownloadedFile {
  return { blob: result.data as Blob, name: fileNameOf(result.response, fallback) };
}
