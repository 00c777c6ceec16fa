import type { ImportUploadQuery } from '@shared/api/imports';
import { routes } from '@shared/api/routes';
import type { ApiErrorBody } from '@shared/api/types';
import type { ImportJobView } from '@shared/import/types';
import { ApiFailure, hrefOf } from '../../api/client';

/**
 * Sends a file as the raw body of POST /api/import/jobs (the server streams it to disk). XHR, not
 * fetch, because only XHR reports upload progress.
 */
export function uploadImport(
  file: File,
  query: ImportUploadQuery,
  onProgress: (fraction: number) => void,
): { done: Promise<ImportJobView>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  // The reply type of routes.imports.upload; the request itself is an XHR (see above).
  const done = new Promise<ImportJobView>((resolve, reject) => {
    xhr.open(routes.imports.upload.method, hrefOf(routes.imports.upload, { query }));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as ImportJobView);
      else {
        const e = (data as ApiErrorBody | null)?.error;
        reject(
          new ApiFailure(
            xhr.status,
            e?.code ?? `http_${xhr.status}`,
            e?.zh ?? `上传失败（${xhr.status}）`,
            e?.en ?? `Upload failed (${xhr.status})`,
          ),
        );
      }
    };
    xhr.onerror = () =>
      reject(new ApiFailure(0, 'offline', '无法连接网点服务器', 'Cannot reach the branch server'));
    xhr.onabort = () => reject(new ApiFailure(0, 'aborted', '已取消上传', 'Upload cancelled'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
