import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

// One reminder or escalation step that went out, by its stable key (`reminder:<measure>:<rule>:<deadline>`,
// `reminder:order:…`, `reminder:round:<round>:<unit>:…`): the daily sweep inserts the key before it notifies, so
// however often and on however many processes it runs, each reminder is sent once. A new deadline (an approved
// extension) makes new keys. A reporting round's reminders concern no single measure (measure_id null).
@Entity('reminder_sent')
@Index('idx_reminder_sent_measure', ['measureId'])
export class ReminderSentEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'uuid', nullable: true })
  measureId: string | null;

  // due:7 | overdue:3 | …
  @Column({ type: 'varchar', length: 40 })
  rule: string;

  // unit | unit_leader | task_force | supervisor
  @Column({ type: 'varchar', length: 20 })
  notify: string;

  // the China calendar day of the sweep that sent it
  @Column({ type: 'date' })
  sentOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
