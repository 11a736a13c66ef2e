/** What fetching remote sources (s3://) did: reported by `tracelens ingest --json` as `download`. */
export interface DownloadSummary {
  /** Objects the sources named. */
  readonly objects: number;
  /** Bytes actually downloaded (0 when every object came from the cache). */
  readonly bytes: number;
  /** Objects found unchanged in the local cache, not downloaded. */
  readonly cached: number;
}

export interface DownloadProgress {
  readonly objectsDone: number;
  readonly objectsTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly cached: number;
}
