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

export type DoneResult = 'delivered' | 'expired' | 'dropped';

const RecordSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), id: z.string().min(1).max(200), body: z.string().max(262_144), expiresAt: z.number().finite() }),
  z.object({ op: z.literal('done'), id: z.string().min(1).max(200), result: z.enum(['delivered', 'expired', 'dropped']) }),
]);

/** Rewrite after this many "done" lines. */
const COMPACT_AFTER = 50;

export class HandoffJournal {
  private doneSinceCompact = 0;
  private writing: Promise<unknown> = Promise.resolve();

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
    if (++this.doneSinceCompact >= COMPACT_AFTER) return written.then(() => this.compact());
    return written;
  }

  pendingCount(): number {
    return this.pending.size;
  }

  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
    await this.handle.close();
  }

  private append(record: z.infer<typeof RecordSchema>): Promise<void> {
    const write = this.writing.then(async () => {
      await this.handle.write(`${JSON.stringify(record)}\n`);
      await this.handle.sync(); // on the disk, not in a cache, before it counts
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  private compact(): Promise<void> {
    const rewrite = this.writing.then(async () => {
      await this.handle.close();
      await writeFileAtomic(this.file, serialise([...this.pending.values()]), { mode: 0o600 });
      this.handle = await open(this.file, 'a', 0o600);
      this.doneSinceCompact = 0;
    });
    this.writing = rewrite.catch(() => undefined);
    return rewrite;
  }
}

function serialise(deliveries: PendingDelivery[]): string {
  return deliveries.map((delivery) => `${JSON.stringify({ op: 'add', ...delivery })}\n`).join('');
}
