import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { UserAccountEntity } from '../auth/user-account.entity.js';
import { PublicationEntity } from './publication.entity.js';

// An opinion sent by the public about a published notice during its publicity period, and how the task force
// handled it. Sender name and contact are optional personal data; ip and user agent are kept for abuse handling
// only and are not shown in the inbox.
@Entity('publication_feedback')
@Index('idx_publication_feedback_publication_created', ['publicationId', 'createdAt'])
@Index('idx_publication_feedback_publication_handled', ['publicationId', 'handledAt'])
export class PublicationFeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  publicationId: string;

  @ManyToOne(() => PublicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'publication_id' })
  publication: Relation<PublicationEntity>;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  senderName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  senderContact: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  handledAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  handledById: string | null;

  @ManyToOne(() => UserAccountEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'handled_by_id' })
  handledBy: Relation<UserAccountEntity> | null;

  @Column({ type: 'text', nullable: true })
  replyNote: string | null;

  // from the Clock, so that tests of the publicity period see consistent times
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
