import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { CommuneReportStatus } from '../commune-report/rules';

/**
 * A commune's periodic report to the province for one reporting request (a directive's one-off deadline): its
 * free-text sections, its state, and the figures frozen when it was submitted (null while it is a draft).
 */
@Entity({ tableName: 'commune_report' })
@Unique({ properties: ['communeId', 'directiveId', 'dueOn'] })
@Index({ properties: ['provinceId', 'directiveId', 'dueOn'] })
export class CommuneReport {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Property({ type: 'string', length: 16 })
  provinceId!: string;

  @Property({ type: 'string', length: 40 })
  directiveId!: string;

  @Property({ type: 'date' })
  dueOn!: string;

  @Property({ type: 'string', length: 12 })
  status!: CommuneReportStatus;

  /** The commune's document number (số văn bản), e.g. "45/BC-UBND". */
  @Property({ type: 'string', length: 60, nullable: true })
  number: string | null = null;

  /** Kết quả nổi bật, khó khăn, vướng mắc. */
  @Property({ type: 'text', nullable: true })
  difficulties: string | null = null;

  /** Đề xuất, kiến nghị. */
  @Property({ type: 'text', nullable: true })
  proposals: string | null = null;

  /** The figures as submitted (the last submission), frozen; null before the first. */
  @Property({ type: 'json', nullable: true })
  figures: unknown = null;

  @Property({ type: 'timestamptz', nullable: true })
  firstSubmittedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  submittedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  reviewedBy: string | null = null;

  /** The reason of the last return (or the note of an acceptance). */
  @Property({ type: 'string', length: 1000, nullable: true })
  reviewNote: string | null = null;

  /** Changes so far (every save, submission, return and acceptance). */
  @Property({ type: 'integer' })
  revision = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
