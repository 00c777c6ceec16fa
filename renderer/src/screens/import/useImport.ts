import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ImportUploadQuery } from '@shared/api/imports';
import { routes } from '@shared/api/routes';
import type { ImportJobView, ImportKind } from '@shared/import/types';
import { call } from '../../api/client';
import { uploadImport } from './upload';

export const PHASES = ['uploading', 'reading', 'checking', 'applying', 'done'] as const;

export function useJob(id: string | null) {
  return useQuery({
    queryKey: ['import-job', id],
    queryFn: () => call(routes.imports.job, { params: { id: id ?? '' } }),
    enabled: id !== null,
    // A checked file waiting for the manager changes only if someone acts on it (here or on another desk).
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      return status === 'ready' ? 2000 : status && status !== 'running' ? false : 400;
    },
  });
}

/** Applied imports, newest first; refreshed when a job ends. */
export function useImportRuns(finishedStatus: string | null) {
  const qc = useQueryClient();
  const runs = useQuery({
    queryKey: ['import-runs'],
    queryFn: () => call(routes.imports.runs),
  });
  useEffect(() => {
    if (finishedStatus) void qc.invalidateQueries({ queryKey: ['import-runs'] });
  }, [finishedStatus, qc]);
  return runs;
}

/**
 * Coming back to the screen (another screen, a reload, another desk) finds the import still under way, or the
 * checked file waiting to be written: it holds the one import slot, so it must not be out of sight. Looked up
 * once per visit to the screen.
 */
function useOpenJob(setJobId: (f: (current: string | null) => string | null) => void): void {
  useEffect(() => {
    let live = true;
    call(routes.imports.jobs)
      .then((r) => {
        const open = r.jobs.find(
          (j) => j.status === 'running' || j.status === 'queued' || j.status === 'ready',
        );
        // A file the manager started meanwhile keeps the screen.
        if (live && open) setJobId((current) => current ?? open.id);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [setJobId]);
}

/** The upload of a file and the job it starts: progress, cancel, and where the steps stand. */
export function useImport(kind: ImportKind, asOf: string) {
  const qc = useQueryClient();
  const [uploading, setUploading] = useState<{ name: string; fraction: number } | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const abortUpload = useRef<(() => void) | null>(null);
  const job = useJob(jobId);
  useOpenJob(setJobId);
  const j: ImportJobView | undefined = job.data;
  const running = uploading !== null || j?.status === 'running' || j?.status === 'ready';

  const start = (file: File) => {
    setUploadError(null);
    setJobId(null);
    setUploading({ name: file.name, fraction: 0 });
    const q: ImportUploadQuery = {
      kind,
      fileName: file.name,
      ...(kind === 'holdings' && asOf ? { asOf } : {}),
    };
    const u = uploadImport(file, q, (fraction) => setUploading({ name: file.name, fraction }));
    abortUpload.current = u.abort;
    u.done
      .then((view) => {
        qc.setQueryData(['import-job', view.id], view);
        setJobId(view.id);
      })
      .catch((err: unknown) => setUploadError(err))
      .finally(() => {
        abortUpload.current = null;
        setUploading(null);
      });
  };

  const cancel = () => {
    if (abortUpload.current) abortUpload.current();
    else if (jobId) void call(routes.imports.cancel, { params: { id: jobId } }).then(() => job.refetch());
  };

  const confirm = () => {
    if (jobId) void call(routes.imports.confirm, { params: { id: jobId } }).then(() => job.refetch());
  };

  // Waiting for the manager: the write is the step at hand, not started.
  const phase = uploading ? 'uploading' : j?.phase === 'ready' ? 'applying' : (j?.phase ?? 'uploading');
  // Where the steps stop: a rejected file never reached the write; a cancelled one stopped reading.
  const status = uploading ? 'running' : (j?.status ?? 'running');
  const step =
    status === 'rejected'
      ? PHASES.indexOf('checking')
      : status === 'cancelled'
        ? PHASES.indexOf('reading')
        : status === 'failed'
          ? PHASES.indexOf('applying')
          : PHASES.indexOf(phase);
  const stepStatus: 'finish' | 'process' | 'wait' | 'error' =
    status === 'applied'
      ? 'finish'
      : status === 'ready'
        ? 'wait'
        : status === 'running' || status === 'queued'
          ? 'process'
          : 'error';
  const percent = uploading
    ? Math.round(uploading.fraction * 100)
    : j && j.bytesTotal > 0
      ? Math.min(100, Math.round((100 * j.bytesRead) / j.bytesTotal))
      : 0;

  return {
    job: j,
    uploading,
    uploadError,
    running,
    start,
    cancel,
    confirm,
    again: () => setJobId(null),
    step,
    stepStatus,
    percent,
  };
}
