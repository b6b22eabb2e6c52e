import { Module } from '@nestjs/common';
import { MailService } from './mail.service.js';

// Outgoing mail (SMTP). Modules that mail someone import this one and send from a background job.
@Module({
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
