/**
 * The hand-off queue on disk: an append-only journal in the user-data folder, one JSON line per
 * event ("add" a delivery, "done" with it), each written and fsync'd before it counts. After a
 * crash or a restart the pending deliveries come back in their order. A torn last line (power
 * cut mid-write) is skipped. The journal is rewritten (atomically) with only what is pending
 * once enough is done, so it never grows without bound.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';

export const JOURNAL_FILE = 'handoff-journal.jsonl';

/** One delivery: the exact body to send, and when it stops being worth sending. */
export interface PendingDelivery {
  id: string;
  body: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export type DoneResult = 'delivered' | 'expired' | 'dropped' | 'rejected';

const RecordSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), id: z.string().min(1).max(200), body: z.string().max(262_144), expiresAt: z.number().finite() }),
  z.object({ op: z.literal('done'), id: z.string().min(1).max(200), result: z.enum(['delivered', 'expired', 'dropped', 'rejected']) }),
]);

/** Rewrite after this many "done" lines. */
const COMPACT_AFTER = 50;

export class HandoffJournal {
  private doneSinceCompact = 0;
  private writing: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly file: string,
    private handle: FileHandle,
    /** In journal order: what is still to deliver. */
    private readonly pending: Map<string, PendingDelivery>,
  ) {}

  /** Opens (or creates) the journal; `skipped` counts lines that could not be read. */
  static async open(dir: string): Promise<{ journal: HandoffJournal; pending: PendingDelivery[]; skipped: number }> {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, JOURNAL_FILE);
    const pending = new Map<string, PendingDelivery>();
    let skipped = 0;
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let record: z.infer<typeof RecordSchema>;
      try {
        record = RecordSchema.parse(JSON.parse(line));
      } catch {
        skipped += 1;
        continue;
      }
      if (record.op === 'add') pending.set(record.id, { id: record.id, body: record.body, expiresAt: record.expiresAt });
      else pending.delete(record.id);
    }
    // Start from a compact file: only what is pending, then append from there.
    await writeFileAtomic(file, serialise([...pending.values()]), { mode: 0o600 });
    const handle = await open(file, 'a', 0o600);
    return { journal: new HandoffJournal(file, handle, pending), pending: [...pending.values()], skipped };
  }

  /** Resolves once the delivery is on disk. */
  add(delivery: PendingDelivery): Promise<void> {
    this.pending.set(delivery.id, delivery);
    return this.append({ op: 'add', ...delivery });
  }

  done(id: string, result: DoneResult): Promise<void> {
    this.pending.delete(id);
    const written = this.append({ op: 'done', id, result });
    // Rewritten when enough is done, and whenever nothing is pending: what was delivered (names,
    // points) does not stay on disk longer than it must.
    if (++this.doneSinceCompact >= COMPACT_AFTER || this.pending.size === 0) return written.then(() => this.compact());
    return written;
  }

  pendingCount(): number {
    return this.pending.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.writing.catch(() => undefined);
    await this.handle.close();
  }

  private append(record: z.infer<typeof RecordSchema>): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the hand-off journal is closed'));
    const write = this.writing.then(async () => {
      await this.handle.write(`${JSON.stringify(record)}\n`);
      await this.handle.sync(); // on the disk, not in a cache, before it counts
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /**
   * The new file first, the old handle last: if the rewrite fails (a full disk, a rename that an
   * antivirus holds up), the journal goes on appending to the file it had.
   */
  private compact(): Promise<void> {
    const rewrite = this.writing.then(async () => {
      if (this.closed) return;
      await writeFileAtomic(this.file, serialise([...this.pending.values()]), { mode: 0o600 });
      const next = await open(this.file, 'a', 0o600);
      const previous = this.handle;
      this.handle = next;
      this.doneSinceCompact = 0;
      await previous.close();
    });
    // A failed rewrite is not a failed "done": that line is already on disk.
    this.writing = rewrite.catch(() => undefined);
    return rewrite.catch(() => undefined);
  }
}

function serialise(deliveries: PendingDelivery[]): string {
  return deliveries.map((delivery) => `${JSON.stringify({ op: 'add', ...delivery })}\n`).join('');
}
