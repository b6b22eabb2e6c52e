import { Module } from '@nestjs/common';
import { AccountSecurityService } from './account-security.service.js';
import { AccountsRepository } from './accounts.repository.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { MfaService } from './mfa.service.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';

@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsService,
    SessionsRepository,
    AccountsRepository,
    AccountSecurityService,
    MfaService,
    LoginThrottle,
  ],
  exports: [SessionsService, AccountSecurityService],
})
export class AuthModule {}
