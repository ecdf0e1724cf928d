/**
 * The text of an export file, counted as it is written against MAX_RESULT_BYTES (the same budget as a
 * GraphQL response, src/graphql/result-budget.ts): the part that takes it past the budget is not
 * appended, and writing stops there with the budget's error, so a file is never built past the budget.
 */
import { resultSizeError } from '../graphql/result-budget.js';

export class LimitedText {
  private readonly parts: string[] = [];
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    /** What `join` puts between the parts (counted with each part). */
    private readonly separator: string,
    first: readonly string[] = [],
  ) {
    this.push(...first);
  }

  /** Appends parts (lines, chunks of rows); throws the MAX_RESULT_BYTES error once past the budget. */
  push(...parts: string[]): number {
    const gap = Buffer.byteLength(this.separator);
    for (const part of parts) {
      this.bytes += Buffer.byteLength(part) + (this.parts.length > 0 ? gap : 0);
      if (this.bytes > this.maxBytes) throw resultSizeError('MAX_RESULT_BYTES', this.maxBytes, this.bytes);
      this.parts.push(part);
    }
    return this.parts.length;
  }

  /** The whole text (with this text's own separator). */
  join(): string {
    return this.parts.join(this.separator);
  }
}
